package dev.hermes.cli;

import dev.hermes.supervision.GatewayStatus;
import dev.hermes.supervision.testing.FakeServiceManager;

/**
 * The two gateway behaviours only the docs' examples show ({@code crashing=} and {@code slow=} in a
 * {@code <!-- check: -->} marker, see {@link DocumentedExamplesTest}), as reactions of the fake
 * supervisor.
 */
final class DocumentedScenes {
  private DocumentedScenes() {}

  /**
   * A gateway that ends again after every start, exit 1, and waits out a 3 s backoff before the
   * supervisor restarts it.
   */
  static void keepsCrashing(FakeServiceManager fake, String profile) {
    fake.down(profile)
        .reactsWith(
            profile,
            (action, before) ->
                action.bringsUp()
                    ? GatewayStatus.builder(profile)
                        .wantUp(true)
                        .normallyUp(true)
                        .since(0)
                        .exitCode(1)
                        .restarts(Math.max(before.restarts(), 0) + 1)
                        .backoff(3)
                        .build()
                    : FakeServiceManager.obey(action, before));
  }

  /**
   * A gateway that takes its time: after a start it stays up but not ready, after a stop it stays
   * up, finishing its requests.
   */
  static void slow(FakeServiceManager fake, String profile) {
    fake.reactsWith(
        profile,
        (action, before) ->
            action.bringsUp()
                ? GatewayStatus.builder(profile)
                    .up(4243)
                    .normallyUp(true)
                    .since(0)
                    .restarts(0)
                    .build()
                : before.toBuilder().wantUp(false).build());
  }
}
