package dev.hermes.supervision.s6;

import dev.hermes.supervision.CommandResult;
import dev.hermes.supervision.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Records every command; answers with a scripted function (default: success, no output). */
final class ScriptedRunner implements CommandRunner {
  final List<String> commands = new ArrayList<>();
  Function<List<String>, CommandResult> answer = c -> new CommandResult(0, "", "");

  @Override
  public CommandResult run(List<String> command, Duration timeout) {
    commands.add(String.join(" ", command));
    return answer.apply(command);
  }
}
