package dev.hermes.cli;

import dev.hermes.core.Profile;
import dev.hermes.core.ProfileConfig;
import dev.hermes.gateway.DirectChat;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code hermes [-p P] chat -q TEXT}: one message to the profile's model, the reply on stdout.
 * Through the profile's gateway when it is running (so its relay, logs and limits apply), else
 * straight to the model with the same settings the gateway would use.
 */
public final class ChatCommand implements CliCommand {
  /** On top of the model's own timeout, after which the gateway answers 504 by itself. */
  static final Duration GATEWAY_MARGIN = Duration.ofSeconds(10);

  static final Option<String> QUERY =
      Option.text("-q,--query", "TEXT", "The message to send.").required();

  @Override
  public CommandSpec spec() {
    return CommandSpec.named("chat")
        .describe("Send one message to the profile's model and print the reply.")
        .option(QUERY);
  }

  @Override
  public int run(Invocation in) {
    String query = in.get(QUERY);
    if (query.isBlank()) {
      throw in.usageError("-q must not be empty");
    }
    Profile profile = in.context().profiles().require(in.profile());
    String reply =
        runningGateway(profile)
            .map(
                gateway ->
                    gateway.ask(query, DirectChat.answerTimeout(profile).plus(GATEWAY_MARGIN)))
            .orElseGet(() -> DirectChat.ask(profile, query));
    in.out().println(reply);
    return 0;
  }

  private static Optional<GatewayChat> runningGateway(Profile profile) {
    ProfileConfig config = profile.config();
    OptionalInt port = config.gatewayPort();
    return port.isPresent()
        ? GatewayChat.ifHealthy(config.gatewayHost(), port.getAsInt())
        : Optional.empty();
  }
}
