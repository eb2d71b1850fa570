package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
  @TempDir Path root;
  HermesHome home;
  List<String> events;
  Set<Integer> busyPorts;
  ProfileStore store;

  @BeforeEach
  void setUp() {
    home = new HermesHome(root);
    events = new ArrayList<>();
    busyPorts = new java.util.HashSet<>();
    ProfileHooks recording =
        new ProfileHooks() {
          @Override
          public void created(Profile profile) {
            events.add("created " + profile.name() + " " + Files.isDirectory(profile.dir()));
          }

          @Override
          public void deleting(Profile profile) {
            events.add("deleting " + profile.name() + " " + Files.isDirectory(profile.dir()));
          }
        };
    store =
        new ProfileStore(
            home,
            recording,
            ReservedPorts.from(Map.of(ReservedPorts.DASHBOARD_PORT_VARIABLE, "8650")),
            range -> new PortAllocator(range, port -> !busyPorts.contains(port)));
  }

  @Test
  void theDashboardsPortIsNeverAProfilesPort() {
    store.ensureDefault();
    assertThatThrownBy(() -> store.create("x", Optional.empty(), OptionalInt.of(8650)))
        .hasMessage(
            "port 8650 is reserved for the dashboard (HERMES_DASHBOARD_PORT, default 9119);"
                + " choose another");
    assertThat(root.resolve("profiles/x")).doesNotExist();

    store.create("a", Optional.empty(), OptionalInt.of(8648));
    List<Integer> ports = new ArrayList<>();
    for (String name : List.of("b", "c")) {
      ports.add(
          store
              .create(name, Optional.empty(), OptionalInt.empty())
              .config()
              .gatewayPort()
              .getAsInt());
    }
    assertThat(ports).containsExactly(8643, 8644);
    home.profile("default").config().set(ConfigKey.GATEWAY_PORT_RANGE, "8648-8651").save();
    assertThat(store.create("d", Optional.empty(), OptionalInt.empty()).config().gatewayPort())
        .hasValue(8649);
    assertThat(store.create("e", Optional.empty(), OptionalInt.empty()).config().gatewayPort())
        .hasValue(8651);
  }

  @Test
  void theDashboardPortDefaultsTo9119AndZeroReservesNothing() {
    assertThat(ReservedPorts.from(Map.of()).ports()).containsExactly(9119);
    assertThat(ReservedPorts.from(Map.of("HERMES_DASHBOARD_PORT", "junk")).ports())
        .containsExactly(9119);
    assertThat(ReservedPorts.from(Map.of("HERMES_DASHBOARD_PORT", "0")).ports()).isEmpty();
  }

  @Test
  void aNewProfileListensWhereTheDefaultGatewayDoesAndIsAtTheCurrentSchema() throws IOException {
    store.ensureDefault();
    home.profile("default").config().set(ConfigKey.GATEWAY_HOST, "0.0.0.0").save();

    Profile p = store.create("coder", Optional.empty(), OptionalInt.empty());

    assertThat(p.config().gatewayHost()).isEqualTo("0.0.0.0");
    assertThat(p.config().integer(ConfigMigration.VERSION_KEY)).hasValue(ConfigMigration.CURRENT);
    assertThat(store.create("plain", Optional.empty(), OptionalInt.empty()).config().gatewayHost())
        .isEqualTo("0.0.0.0");
  }

  @Test
  void aNewProfileKeepsTheLoopbackDefaultWhenTheDefaultProfileSetsNoHost() throws IOException {
    Profile p = store.create("coder", Optional.empty(), OptionalInt.empty());

    assertThat(p.config().text(ConfigKey.GATEWAY_HOST)).isEmpty();
    assertThat(p.config().gatewayHost()).isEqualTo(ProfileConfig.DEFAULT_HOST);
  }

  @Test
  void createSeedsAProfileAndRunsTheHookAfterItExists() throws IOException {
    Profile p = store.create("coder", Optional.empty(), OptionalInt.empty());

    assertThat(p.dir()).isEqualTo(root.resolve("profiles/coder"));
    assertThat(p.soulFile()).isRegularFile();
    assertThat(mode(p.envFile())).isEqualTo("rw-------");
    assertThat(p.config().gatewayPort()).hasValue(8643);
    assertThat(home.profile("default").config().gatewayPort()).hasValue(8642);
    assertThat(p.logDir()).isDirectory();
    assertThat(events).containsExactly("created coder true");
    assertThat(hiddenEntries()).isEmpty();
  }

  @Test
  void portAllocationTakesTheLowestGapAndSkipsPortsOtherProgramsHold() {
    store.create("a", Optional.empty(), OptionalInt.of(8643));
    store.create("b", Optional.empty(), OptionalInt.of(8645));
    busyPorts.add(8644);

    Profile c = store.create("c", Optional.empty(), OptionalInt.empty());
    Profile d = store.create("d", Optional.empty(), OptionalInt.empty());

    assertThat(c.config().gatewayPort()).hasValue(8646);
    assertThat(d.config().gatewayPort()).hasValue(8647);
  }

  @Test
  void anExhaustedRangeIsAClearErrorAndCreatesNothing() throws IOException {
    store.ensureDefault();
    home.profile("default").config().set(ConfigKey.GATEWAY_PORT_RANGE, "8642-8643").save();
    store.create("a", Optional.empty(), OptionalInt.empty());

    assertThatThrownBy(() -> store.create("b", Optional.empty(), OptionalInt.empty()))
        .isInstanceOf(HermesException.class)
        .hasMessage(
            "no free gateway port in 8642-8643 (set gateway.port_range in config.yaml, or pass --port)");
    assertThat(root.resolve("profiles/b")).doesNotExist();
    assertThat(hiddenEntries()).isEmpty();
  }

  @Test
  void anExplicitPortAnotherProfileUsesIsRefused() {
    store.create("a", Optional.empty(), OptionalInt.of(9000));
    assertThatThrownBy(() -> store.create("b", Optional.empty(), OptionalInt.of(9000)))
        .hasMessage("port 9000 is already used by profile 'a'");
    assertThatThrownBy(() -> store.create("c", Optional.empty(), OptionalInt.of(8642)))
        .hasMessage("port 8642 is already used by profile 'default'");
    assertThatThrownBy(() -> store.create("d", Optional.empty(), OptionalInt.of(70000)))
        .hasMessage("port must be between 1 and 65535, got 70000");
  }

  @Test
  void cloneCopiesFilesAndTheCopiedEnvIsPrivate() throws IOException {
    Profile src = store.create("src", Optional.empty(), OptionalInt.empty());
    Files.writeString(src.envFile(), "API_KEY=secret\n");
    Files.setPosixFilePermissions(src.envFile(), PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(src.soulFile(), "custom soul\n");
    src.config().set("model.name", "small").save();

    Profile copy = store.create("copy", Optional.of("src"), OptionalInt.empty());

    assertThat(Files.readString(copy.envFile())).isEqualTo("API_KEY=secret\n");
    assertThat(mode(copy.envFile())).isEqualTo("rw-------");
    assertThat(Files.readString(copy.soulFile())).isEqualTo("custom soul\n");
    assertThat(copy.config().text("model.name")).contains("small");
    assertThat(copy.config().gatewayPort()).isNotEqualTo(src.config().gatewayPort());
  }

  @Test
  void cloningAMissingProfileFailsAndCreatesNothing() {
    assertThatThrownBy(() -> store.create("x", Optional.of("ghost"), OptionalInt.empty()))
        .hasMessageContaining("no such profile 'ghost'");
    assertThat(root.resolve("profiles/x")).doesNotExist();
  }

  @Test
  void defaultIsReservedAndDuplicatesAreRefused() {
    assertThatThrownBy(() -> store.create("default", Optional.empty(), OptionalInt.empty()))
        .hasMessage("profile name 'default' is reserved for HERMES_HOME itself");
    store.create("a", Optional.empty(), OptionalInt.empty());
    assertThatThrownBy(() -> store.create("a", Optional.empty(), OptionalInt.empty()))
        .hasMessageStartingWith("profile 'a' already exists");
    assertThatThrownBy(() -> store.delete("default"))
        .hasMessage("the default profile cannot be deleted: it is HERMES_HOME itself");
  }

  @Test
  void aFailingCreationHookRemovesTheProfileAgain() {
    ProfileStore failing =
        new ProfileStore(
            home,
            new ProfileHooks() {
              @Override
              public void created(Profile profile) {
                throw new HermesException("registration failed");
              }
            });
    assertThatThrownBy(() -> failing.create("a", Optional.empty(), OptionalInt.of(9100)))
        .hasMessage("registration failed");
    assertThat(root.resolve("profiles/a")).doesNotExist();
  }

  @Test
  void deleteRunsTheHookFirstThenRemovesDirectoryAndLogs() throws IOException {
    Profile p = store.create("a", Optional.empty(), OptionalInt.empty());
    Files.writeString(p.logDir().resolve("current"), "log line\n");

    store.delete("a");

    assertThat(events).containsExactly("created a true", "deleting a true");
    assertThat(p.dir()).doesNotExist();
    assertThat(p.logDir()).doesNotExist();
    assertThat(hiddenEntries()).isEmpty();
    assertThatThrownBy(() -> store.delete("a")).hasMessageContaining("no such profile 'a'");
  }

  @Test
  void listsDefaultFirstThenProfilesWithSoulByNameSkippingInvalidNames() throws IOException {
    store.create("zeta", Optional.empty(), OptionalInt.empty());
    store.create("alpha", Optional.empty(), OptionalInt.empty());
    Files.createDirectories(root.resolve("profiles/no-soul"));
    Files.createDirectories(root.resolve("profiles/Bad Name"));
    Files.writeString(root.resolve("profiles/Bad Name/SOUL.md"), "x");
    Files.createDirectories(root.resolve("profiles/default"));
    Files.writeString(root.resolve("profiles/default/SOUL.md"), "x");

    assertThat(store.list()).extracting(Profile::name).containsExactly("default", "alpha", "zeta");
  }

  @Test
  void aProfileWithBrokenConfigDoesNotBreakListingOrAllocation() throws IOException {
    Profile a = store.create("a", Optional.empty(), OptionalInt.empty());
    Files.writeString(a.configFile(), "gateway: [broken\n");

    assertThat(ProfileSummary.of(a).configError()).startsWith("invalid YAML");
    assertThat(store.create("b", Optional.empty(), OptionalInt.empty()).config().gatewayPort())
        .hasValue(8643);
  }

  @Test
  void anOversizedOrLinkedConfigListsAsBadConfigAndDoesNotBreakAllocation() throws IOException {
    Profile big = store.create("big", Optional.empty(), OptionalInt.empty());
    OwnFilesTest.sparse(big.configFile(), 50 * OwnFiles.MB);
    Profile linked = store.create("linked", Optional.empty(), OptionalInt.empty());
    Files.delete(linked.configFile());
    Files.createSymbolicLink(linked.configFile(), root.resolve("config.yaml"));

    assertThat(ProfileSummary.of(big).configError()).endsWith("is 50 MB; the limit is 256 KB");
    assertThat(ProfileSummary.of(big).port()).isNull();
    assertThat(ProfileSummary.of(linked).configError()).contains("is a symbolic link");
    assertThat(store.create("c", Optional.empty(), OptionalInt.empty()).config().gatewayPort())
        .hasValue(8643);
  }

  @Test
  void aLinkedStateFileListsAsBadConfig() throws IOException {
    Profile a = store.create("a", Optional.empty(), OptionalInt.empty());
    Files.createSymbolicLink(a.stateFile(), root.resolve("elsewhere.json"));

    ProfileSummary summary = ProfileSummary.of(a);

    assertThat(summary.configError()).contains("gateway_state.json is a symbolic link");
    assertThat(summary.port()).isNotNull();
  }

  @Test
  void cloningAProfileWhoseEnvIsALinkIsRefusedAndCreatesNothing() throws IOException {
    Profile source = store.create("src", Optional.empty(), OptionalInt.empty());
    Path secret = Files.writeString(root.resolve("root-only"), "MODEL_API_KEY=secret\n");
    Files.delete(source.envFile());
    Files.createSymbolicLink(source.envFile(), secret);

    assertThatThrownBy(() -> store.create("copy", Optional.of("src"), OptionalInt.empty()))
        .isInstanceOf(HermesException.class)
        .hasMessageContaining(".env is a symbolic link");
    assertThat(home.profile("copy").dir()).doesNotExist();
    assertThat(hiddenEntries()).isEmpty();
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private List<String> hiddenEntries() throws IOException {
    Path profiles = root.resolve("profiles");
    if (!Files.isDirectory(profiles)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(profiles)) {
      return entries.map(e -> e.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }
}
