package dev.hermes.supervision;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CommandRunner} for unit tests: records every command and answers from a script keyed by
 * the command line (arguments joined with single spaces). Unscripted commands succeed with no
 * output. Scripted answers are used in order; the last one repeats.
 */
public final class RecordingRunner implements CommandRunner {
  private final List<List<String>> commands = new ArrayList<>();
  private final List<Duration> timeouts = new ArrayList<>();
  private final Map<String, Deque<CommandResult>> script = new HashMap<>();

  public RecordingRunner answer(String commandLine, CommandResult... results) {
    script.computeIfAbsent(commandLine, k -> new ArrayDeque<>()).addAll(List.of(results));
    return this;
  }

  public RecordingRunner succeed(String commandLine, String stdout) {
    return answer(commandLine, new CommandResult(0, stdout, ""));
  }

  public RecordingRunner fail(String commandLine, int exitCode, String stderr) {
    return answer(commandLine, new CommandResult(exitCode, "", stderr));
  }

  @Override
  public synchronized CommandResult run(List<String> command, Duration timeout) {
    commands.add(List.copyOf(command));
    timeouts.add(timeout);
    Deque<CommandResult> answers = script.get(String.join(" ", command));
    if (answers == null || answers.isEmpty()) {
      return new CommandResult(0, "", "");
    }
    return answers.size() > 1 ? answers.poll() : answers.peek();
  }

  /** Each command run so far as one line, arguments joined with single spaces. */
  public synchronized List<String> lines() {
    return commands.stream().map(c -> String.join(" ", c)).toList();
  }

  /** Each command run so far, argument by argument. */
  public synchronized List<List<String>> commands() {
    return List.copyOf(commands);
  }

  public synchronized List<Duration> timeouts() {
    return List.copyOf(timeouts);
  }

  public synchronized void clear() {
    commands.clear();
    timeouts.clear();
  }
}
