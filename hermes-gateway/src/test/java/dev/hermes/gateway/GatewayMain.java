package dev.hermes.gateway;

import dev.hermes.core.Profile;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code hermes gateway run} does, for tests that need a real process (signals, descriptors,
 * two instances): {@code GatewayMain <profile> <profile dir> [--replace]}.
 */
public final class GatewayMain {
  private GatewayMain() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[1]);
    Profile profile = new Profile(args[0], dir, dir.resolve("logs"));
    boolean replace = args.length > 2 && args[2].equals("--replace");
    GatewayOptions options =
        GatewayOptions.defaults().withReplace(replace).withReplaceGrace(Duration.ofSeconds(10));
    System.exit(new GatewayRunner().run(profile, options));
  }
}
