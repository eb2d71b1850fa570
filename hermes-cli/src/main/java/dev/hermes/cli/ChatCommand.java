package dev.hermes.cli;

import dev.hermes.core.Profile;
import dev.hermes.core.ProfileConfig;
import dev.hermes.gateway.DirectChat;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hermes [-p P] chat -q TEXT}: one message to the profile's model, the reply on stdout.
 * Through the profile's gateway when it is running (so its relay, logs and limits apply), else
 * straight to the model with the same settings the gateway would use.
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = "Send one message to the profile's model and print the reply.")
public final class ChatCommand implements Runnable {
  /** On top of the model's own timeout, after which the gateway answers 504 by itself. */
  static final Duration GATEWAY_MARGIN = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Option(
      names = {"-q", "--query"},
      required = true,
      paramLabel = "TEXT",
      description = "The message to send.")
  String query;

  @Override
  public void run() {
    if (query.isBlank()) {
      throw new ParameterException(spec.commandLine(), "-q must not be empty");
    }
    HermesCommand root = HermesCommand.root(spec);
    Profile profile = root.context().profiles().require(root.profile());
    String reply =
        runningGateway(profile)
            .map(
                gateway ->
                    gateway.ask(query, DirectChat.answerTimeout(profile).plus(GATEWAY_MARGIN)))
            .orElseGet(() -> DirectChat.ask(profile, query));
    spec.commandLine().getOut().println(reply);
  }

  private static Optional<GatewayChat> runningGateway(Profile profile) {
    ProfileConfig config = profile.config();
    OptionalInt port = config.gatewayPort();
    return port.isPresent()
        ? GatewayChat.ifHealthy(config.gatewayHost(), port.getAsInt())
        : Optional.empty();
  }
}
