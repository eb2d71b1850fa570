package dev.hermes.cli;

/**
 * {@code hermes completion bash|zsh}: prints the shell completion script. Nothing installs it; the
 * user sources it or saves it where the shell looks (docs/cli.md says how).
 */
public final class CompletionCommand implements CliCommand {
  @Override
  public CommandSpec spec() {
    return CommandSpec.named("completion")
        .describe(
            "Print the shell completion script for bash or zsh: commands, options and profile"
                + " names.",
            "bash: source <(hermes completion bash). zsh: hermes completion zsh > DIR/_hermes with"
                + " DIR on fpath before compinit.")
        .subcommand("bash", () -> new ScriptCommand(CompletionScript.BASH))
        .subcommand("zsh", () -> new ScriptCommand(CompletionScript.ZSH));
  }

  @Override
  public int run(Invocation invocation) {
    invocation.printUsage();
    return 0;
  }

  /** {@code hermes completion SHELL}. */
  static final class ScriptCommand implements CliCommand {
    private final CompletionScript script;

    ScriptCommand(CompletionScript script) {
      this.script = script;
    }

    @Override
    public CommandSpec spec() {
      return CommandSpec.named(script.shell())
          .describe("Print the " + script.shell() + " completion script.");
    }

    @Override
    public int run(Invocation invocation) {
      invocation.out().print(script.render(new HermesCommand()));
      invocation.out().flush();
      return 0;
    }
  }
}
