package dev.hermes.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Brings a profile's {@code config.yaml} to the current schema, run at every container boot. The
 * schema version is the top-level {@code config_version} (absent: 0, the files written before it
 * existed). Before anything changes, the file is copied to {@code config.yaml.bak-v<N>}; each step
 * moves the tree one version up. A file newer than this hermes understands is left alone.
 */
public final class ConfigMigration {
  public static final String VERSION_KEY = "config_version";

  /**
   * Step {@code i} turns version {@code i} into {@code i + 1}. Version 1 is the first versioned
   * schema: the step only records the version. Later schema changes append a step here.
   */
  private static final List<Consumer<ProfileConfig>> STEPS = List.of(config -> {});

  public static final int CURRENT = STEPS.size();

  /** What happened to one profile's config. */
  public record Outcome(String profile, int from, int to, Path backup, String skipped) {
    public String describe() {
      if (skipped != null) {
        return "profile=" + profile + " skipped: " + skipped;
      }
      if (from == to) {
        return "profile=" + profile + " version=" + to + " (current)";
      }
      return "profile=" + profile + " version=" + from + "->" + to + " backup=" + backup;
    }
  }

  private ConfigMigration() {}

  /**
   * @param dryRun report what would change, write nothing
   * @return empty when the profile has no config.yaml
   */
  public static Optional<Outcome> migrate(Profile profile, boolean dryRun) {
    Path file = profile.configFile();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (Files.isSymbolicLink(file)) {
      return Optional.of(skip(profile, "config.yaml is a symlink"));
    }
    ProfileConfig config;
    int version;
    try {
      config = ProfileConfig.load(file);
      version = config.integer(VERSION_KEY).orElse(0);
    } catch (HermesException e) {
      return Optional.of(skip(profile, e.getMessage()));
    }
    if (version > CURRENT) {
      return Optional.of(
          skip(profile, "version " + version + " is newer than this hermes (" + CURRENT + ")"));
    }
    if (version == CURRENT) {
      return Optional.of(new Outcome(profile.name(), version, version, null, null));
    }
    Path backup = file.resolveSibling(file.getFileName() + ".bak-v" + version);
    if (!dryRun) {
      try {
        AtomicFiles.write(
            backup, OwnFiles.read(file, OwnFiles.CONFIG_LIMIT), AtomicFiles.OWNER_ONLY);
      } catch (IOException e) {
        throw new UncheckedIOException("could not back up " + file + ": " + e.getMessage(), e);
      }
      for (int step = version; step < CURRENT; step++) {
        STEPS.get(step).accept(config);
      }
      config.set(VERSION_KEY, CURRENT).save();
    }
    return Optional.of(new Outcome(profile.name(), version, CURRENT, backup, null));
  }

  private static Outcome skip(Profile profile, String why) {
    return new Outcome(profile.name(), -1, -1, null, why);
  }
}
