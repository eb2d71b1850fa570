package dev.hermes.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Creates, lists and deletes profiles under one {@link HermesHome}. A profile appears all at once:
 * it is assembled in a dot-prefixed sibling directory and renamed into place, so a crash never
 * leaves a half-made profile that looks real.
 */
public final class ProfileStore {
  static final String SOUL_SEED =
      "# SOUL\n\nThis directory is a hermes profile: its own config, secrets, state and logs.\n";

  private final HermesHome home;
  private final ProfileHooks hooks;
  private final Function<PortRange, PortAllocator> allocators;
  private final ReservedPorts reserved;

  public ProfileStore(
      HermesHome home,
      ProfileHooks hooks,
      ReservedPorts reserved,
      Function<PortRange, PortAllocator> allocators) {
    this.home = home;
    this.hooks = hooks;
    this.reserved = reserved;
    this.allocators = allocators;
  }

  public ProfileStore(HermesHome home, ProfileHooks hooks, ReservedPorts reserved) {
    this(home, hooks, reserved, PortAllocator::new);
  }

  /** A store that reserves no port beyond the profiles' own (readers, and tests). */
  public ProfileStore(HermesHome home, ProfileHooks hooks) {
    this(home, hooks, ReservedPorts.NONE);
  }

  public HermesHome home() {
    return home;
  }

  /** The default profile first, then every valid profile directory holding SOUL.md, by name. */
  public List<Profile> list() {
    List<Profile> profiles = new ArrayList<>();
    profiles.add(home.profile(ProfileNames.DEFAULT));
    for (String name : profileDirectoryNames()) {
      if (ProfileNames.isValid(name) && !ProfileNames.DEFAULT.equals(name)) {
        Profile profile = home.profile(name);
        if (profile.exists()) {
          profiles.add(profile);
        }
      }
    }
    return profiles;
  }

  /** Names of the directories under {@code profiles/}, sorted, hidden ones skipped. */
  public List<String> profileDirectoryNames() {
    Path dir = home.profilesDir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The named profile, which must exist. */
  public Profile require(String name) {
    Profile profile = home.profile(name);
    if (!profile.exists()) {
      throw new HermesException(
          "no such profile '" + name + "': create it with 'hermes profile create " + name + "'");
    }
    return profile;
  }

  /** Seeds the default profile's files when missing; leaves existing ones alone. */
  public Profile ensureDefault() {
    Profile profile = home.profile(ProfileNames.DEFAULT);
    try {
      Files.createDirectories(profile.dir());
      Files.createDirectories(profile.logDir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not create " + profile.dir() + ": " + e.getMessage(), e);
    }
    if (Files.notExists(profile.soulFile(), LinkOption.NOFOLLOW_LINKS)) {
      AtomicFiles.write(
          profile.soulFile(),
          SOUL_SEED.getBytes(StandardCharsets.UTF_8),
          AtomicFiles.OWNER_WRITE_ALL_READ);
    }
    if (Files.notExists(profile.envFile(), LinkOption.NOFOLLOW_LINKS)) {
      EnvFile.ensurePrivate(profile.envFile());
    }
    boolean fresh = Files.notExists(profile.configFile(), LinkOption.NOFOLLOW_LINKS);
    ProfileConfig config = profile.config();
    if (config.gatewayPort().isEmpty()) {
      if (fresh) {
        config.set(ConfigMigration.VERSION_KEY, ConfigMigration.CURRENT);
      }
      config.set(ConfigKey.GATEWAY_PORT, allocatePort(claimedPorts(null)));
      config.save();
    }
    return profile;
  }

  /**
   * Creates a profile with a gateway port (given, or the lowest free one), optionally cloning
   * {@code .env}, {@code config.yaml} and {@code SOUL.md} from another profile, then runs the
   * creation hook. If the hook fails the profile is removed again.
   */
  public Profile create(String name, Optional<String> cloneFrom, OptionalInt port) {
    ProfileNames.validate(name);
    if (ProfileNames.DEFAULT.equals(name)) {
      throw new HermesException("profile name 'default' is reserved for HERMES_HOME itself");
    }
    Profile profile = home.profile(name);
    if (Files.exists(profile.dir(), LinkOption.NOFOLLOW_LINKS)) {
      throw new HermesException("profile '" + name + "' already exists at " + profile.dir());
    }
    Profile source = cloneFrom.map(this::require).orElse(null);
    ensureDefault();

    Map<Integer, String> claimed = claimedPorts(name);
    int chosenPort;
    if (port.isPresent()) {
      chosenPort = port.getAsInt();
      if (chosenPort < 1 || chosenPort > 65535) {
        throw new HermesException("port must be between 1 and 65535, got " + chosenPort);
      }
      String owner = claimed.get(chosenPort);
      if (owner != null) {
        throw new HermesException(
            "port " + chosenPort + " is already used by profile '" + owner + "'");
      }
      Optional<String> holder = reserved.holder(chosenPort);
      if (holder.isPresent()) {
        throw new HermesException(
            "port " + chosenPort + " is reserved for " + holder.get() + "; choose another");
      }
    } else {
      chosenPort = allocatePort(claimed);
    }

    Path staging = home.profilesDir().resolve("." + name + ".creating-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging);
      ProfileConfig config = source == null ? freshConfig(staging) : source.config();
      config.set(ConfigKey.GATEWAY_PORT, chosenPort);
      config.saveTo(staging.resolve(Profile.CONFIG));
      // A linked .env or SOUL.md in the source is refused by the reads, not silently skipped.
      if (source != null && Files.exists(source.envFile(), LinkOption.NOFOLLOW_LINKS)) {
        EnvFile.copy(source.envFile(), staging.resolve(Profile.ENV));
      } else {
        EnvFile.ensurePrivate(staging.resolve(Profile.ENV));
      }
      byte[] soul =
          source != null && Files.exists(source.soulFile(), LinkOption.NOFOLLOW_LINKS)
              ? OwnFiles.read(source.soulFile(), OwnFiles.SOUL_LIMIT)
              : SOUL_SEED.getBytes(StandardCharsets.UTF_8);
      AtomicFiles.write(staging.resolve(Profile.SOUL), soul, AtomicFiles.OWNER_WRITE_ALL_READ);
      Files.move(staging, profile.dir());
      staging = null;
      Files.createDirectories(profile.logDir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not create profile '" + name + "': " + e.getMessage(), e);
    } finally {
      if (staging != null) {
        FileTrees.deleteQuietly(staging);
      }
    }

    try {
      hooks.created(profile);
    } catch (RuntimeException e) {
      removeDirectory(profile);
      throw e;
    }
    return profile;
  }

  /**
   * A new profile's config: the current schema version and the default profile's {@code
   * gateway.host}, so profiles listen where the default gateway does (in the container, every
   * interface).
   */
  private ProfileConfig freshConfig(Path staging) {
    ProfileConfig config =
        ProfileConfig.load(staging.resolve(Profile.CONFIG))
            .set(ConfigMigration.VERSION_KEY, ConfigMigration.CURRENT);
    home.profile(ProfileNames.DEFAULT)
        .config()
        .text(ConfigKey.GATEWAY_HOST)
        .filter(host -> !host.isBlank())
        .ifPresent(host -> config.set(ConfigKey.GATEWAY_HOST, host));
    return config;
  }

  /** Runs the deletion hook (which stops the gateway), then removes the profile and its logs. */
  public void delete(String name) {
    ProfileNames.validate(name);
    if (ProfileNames.DEFAULT.equals(name)) {
      throw new HermesException("the default profile cannot be deleted: it is HERMES_HOME itself");
    }
    Profile profile = require(name);
    hooks.deleting(profile);
    removeDirectory(profile);
    FileTrees.deleteQuietly(profile.logDir());
  }

  /** Ports claimed by profiles other than {@code except}, mapped to the claiming profile. */
  public Map<Integer, String> claimedPorts(String except) {
    Map<Integer, String> claimed = new HashMap<>();
    for (Profile profile : list()) {
      if (profile.name().equals(except)) {
        continue;
      }
      try {
        profile.config().gatewayPort().ifPresent(p -> claimed.putIfAbsent(p, profile.name()));
      } catch (HermesException e) {
        // A profile with a broken config claims nothing we can read; doctor reports it.
      }
    }
    return claimed;
  }

  public PortRange portRange() {
    return home.profile(ProfileNames.DEFAULT)
        .config()
        .text(ConfigKey.GATEWAY_PORT_RANGE)
        .map(PortRange::parse)
        .orElse(PortRange.DEFAULT);
  }

  /** Ports that are not free to hand out: every profile's, and the reserved ones. */
  public ReservedPorts reserved() {
    return reserved;
  }

  private int allocatePort(Map<Integer, String> claimed) {
    Set<Integer> taken = new HashSet<>(claimed.keySet());
    taken.addAll(reserved.ports());
    return allocators.apply(portRange()).allocate(taken);
  }

  /** Renames the directory aside first so a half-deleted profile is never listed. */
  private void removeDirectory(Profile profile) {
    Path aside =
        home.profilesDir().resolve("." + profile.name() + ".deleting-" + UUID.randomUUID());
    try {
      Files.move(profile.dir(), aside);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not remove profile '" + profile.name() + "': " + e.getMessage(), e);
    }
    FileTrees.deleteQuietly(aside);
  }
}
