package dev.hermes.cli;

/**
 * One command of the {@code hermes} tree. Commands describe themselves with a {@link CommandSpec}
 * (no annotations, no reflection: the parser and help need nothing but these objects, which keeps
 * start-up short) and run with the parsed {@link Invocation}.
 */
public interface CliCommand {
  CommandSpec spec();

  /** Runs the command; returns the exit code. Groups without an action print their usage. */
  int run(Invocation invocation) throws Exception;
}
