package dev.hermes.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.hermes.core.HermesHome;
import dev.hermes.dashboard.Dashboard;
import dev.hermes.gateway.GatewayRunner;
import dev.hermes.supervision.ServiceManager;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design's dependency rule, checked on the compiled main classes of every module (hermes-cli's
 * test class path holds them all): {@code core} ← {@code supervision} ← {@code gateway}, {@code
 * dashboard} ← {@code cli}; the supervision backends never import each other; and the front ends
 * (cli, dashboard, gateway) and the ServiceManager API reach a backend only through that API and
 * the non-backend supervision packages ({@code resolve}, {@code local}, {@code reconcile}, {@code
 * handoff}). Read from bytecode, so a fully qualified name, a cast or an {@code instanceof} counts
 * as much as an import.
 */
class ModuleGraphTest {
  private static final String SUPERVISION = "dev.hermes.supervision";
  private static final List<String> BACKENDS =
      List.of("s6", "systemd", "launchd", "windows", "none");

  /** The supervision packages a front end may use besides the API package itself. */
  private static final List<String> NOT_BACKENDS =
      List.of("resolve", "local", "reconcile", "handoff");

  /** One class of each module: where it was loaded from is where that module's classes are. */
  private static final List<Class<?>> ONE_CLASS_PER_MODULE =
      List.of(
          HermesHome.class, ServiceManager.class, GatewayRunner.class, Dashboard.class, Main.class);

  private static JavaClasses main;

  /**
   * Only the modules' own class directories or jars: scanning the whole test class path (the
   * test-jars, Playwright's driver bundle) would cost seconds and add test code.
   */
  @BeforeAll
  static void importMainClasses() {
    List<URL> modules =
        ONE_CLASS_PER_MODULE.stream()
            .map(c -> c.getProtectionDomain().getCodeSource().getLocation())
            .toList();
    main = new ClassFileImporter().importUrls(modules);
  }

  @Test
  void everyModulesMainClassesAreChecked() {
    // Without this, a class path that lost a module would pass every rule below.
    for (String module : List.of("core", "supervision", "gateway", "dashboard", "cli")) {
      assertThat(main.containPackage("dev.hermes." + module)).as(module).isTrue();
    }
    for (String backend : BACKENDS) {
      assertThat(main.containPackage(backend(backend))).as(backend).isTrue();
    }
  }

  @Test
  void everySupervisionPackageIsABackendOrNamedAsNone() {
    // A new package must be sorted in: a backend the rules below keep apart, or not one.
    Set<String> found = new TreeSet<>();
    main.stream()
        .map(c -> c.getPackageName())
        .filter(p -> p.startsWith(SUPERVISION + "."))
        .map(p -> p.substring(SUPERVISION.length() + 1).split("\\.")[0])
        .forEach(found::add);
    Set<String> known = new TreeSet<>(BACKENDS);
    known.addAll(NOT_BACKENDS);
    assertThat(found).as("the subpackages of " + SUPERVISION).isEqualTo(known);
  }

  @Test
  void nothingImportsUpward() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("core")
        .definedBy("dev.hermes.core..")
        .layer("supervision")
        .definedBy("dev.hermes.supervision..")
        .layer("gateway")
        .definedBy("dev.hermes.gateway..")
        .layer("dashboard")
        .definedBy("dev.hermes.dashboard..")
        .layer("cli")
        .definedBy("dev.hermes.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("dashboard")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("gateway")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("supervision")
        .mayOnlyBeAccessedByLayers("gateway", "dashboard", "cli")
        .ensureAllClassesAreContainedInArchitecture()
        .because(
            "the modules depend core <- supervision <- gateway, dashboard <- cli, and nothing"
                + " imports upward")
        .check(main);
  }

  @Test
  void backendsNeverImportEachOther() {
    for (String backend : BACKENDS) {
      String[] others =
          BACKENDS.stream()
              .filter(b -> !b.equals(backend))
              .map(b -> backend(b) + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(backend(backend) + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .because(
              "backends never import each other: what two share belongs in " + SUPERVISION + "")
          .check(main);
    }
  }

  @Test
  void noFrontEndImportsABackend() {
    frontEndsReachNoBackend("dev.hermes.cli..", "dev.hermes.dashboard..", "dev.hermes.gateway..")
        .because(
            "a front end drives supervision through ServiceManager (and its capabilities) and the"
                + " non-backend packages resolve, local, reconcile and handoff, never a backend's"
                + " classes")
        .check(main);
  }

  @Test
  void theServiceManagerApiNamesNoBackend() {
    frontEndsReachNoBackend(SUPERVISION)
        .because("the backends implement the API; the API does not know them")
        .check(main);
  }

  private static ArchRule frontEndsReachNoBackend(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BACKENDS.stream().map(b -> backend(b) + "..").toArray(String[]::new));
  }

  private static String backend(String name) {
    return SUPERVISION + "." + name;
  }
}
