package dev.hermes.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks of container/Dockerfile that no linter makes: stages and build arguments are all declared,
 * the pinned versions are the ones in container/versions, and the runtime stage has the shape the
 * boot and the documentation rely on.
 */
class DockerfileTest {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

  /** One instruction (continuation lines joined) and the stage it belongs to (-1: global). */
  record Instruction(int stage, String keyword, String text) {}

  private final List<Instruction> instructions = new ArrayList<>();
  private final List<String> stageNames = new ArrayList<>();

  @BeforeEach
  void parse() throws IOException {
    StringBuilder current = new StringBuilder();
    int stage = -1;
    for (String line : Files.readAllLines(Repo.DOCKERFILE, StandardCharsets.UTF_8)) {
      if (current.isEmpty() && (line.isBlank() || line.stripLeading().startsWith("#"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String text = current.toString().strip();
      current.setLength(0);
      String keyword = text.split("\\s+", 2)[0].toUpperCase();
      if (keyword.equals("FROM")) {
        stage++;
        Matcher as = Pattern.compile("(?i)\\sAS\\s+(\\S+)$").matcher(text);
        stageNames.add(as.find() ? as.group(1) : null);
      }
      instructions.add(new Instruction(keyword.equals("FROM") ? -1 : stage, keyword, text));
    }
  }

  @Test
  void everyCopyFromNamesAnEarlierStage() {
    int seen = 0;
    for (Instruction i : instructions) {
      Matcher from = Pattern.compile("--from=(\\S+)").matcher(i.text());
      if (i.keyword().equals("COPY") && from.find()) {
        seen++;
        assertThat(stageNames.subList(0, i.stage()))
            .as("stages before: %s", i.text())
            .contains(from.group(1));
      }
    }
    assertThat(seen).isGreaterThanOrEqualTo(3);
  }

  @Test
  void everyVariableUsedIsADeclaredArgOrEnv() {
    Set<String> global = new HashSet<>();
    Map<Integer, Set<String>> inStage = new LinkedHashMap<>();
    boolean beforeFirstFrom = true;
    for (Instruction i : instructions) {
      if (i.keyword().equals("FROM")) {
        beforeFirstFrom = false;
      }
      Set<String> declared =
          beforeFirstFrom ? global : inStage.computeIfAbsent(i.stage(), s -> new HashSet<>());
      Set<String> visible = i.keyword().equals("FROM") ? global : declared;
      Matcher use = VARIABLE.matcher(i.text().replaceFirst("^\\S+\\s+", ""));
      while (use.find()) {
        assertThat(visible).as("declared before: %s", i.text()).contains(use.group(1));
      }
      if (i.keyword().equals("ARG") || i.keyword().equals("ENV")) {
        for (String word : i.text().split("\\s+")) {
          if (!word.equals(i.keyword())) {
            declared.add(word.split("=", 2)[0]);
          }
        }
      }
    }
  }

  @Test
  void theArgDefaultsAreThePinnedVersions() throws IOException {
    Set<String> args = new HashSet<>();
    instructions.stream()
        .filter(i -> i.keyword().equals("ARG"))
        .forEach(i -> args.add(i.text().substring(4).strip()));
    int pinned = 0;
    for (String line : Files.readAllLines(Repo.VERSIONS, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      pinned++;
      assertThat(args).as("an ARG with the pinned default").contains(line.strip());
    }
    assertThat(pinned).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theRuntimeStageHasTheShapeTheBootReliesOn() {
    List<Instruction> runtime =
        instructions.stream().filter(i -> i.stage() == stageNames.size() - 1).toList();
    List<String> texts = runtime.stream().map(Instruction::text).toList();
    assertThat(texts)
        .contains(
            "ENTRYPOINT [\"/init\", \"/opt/hermes/docker/main-wrapper.sh\"]",
            "VOLUME /opt/data",
            "COPY container/rootfs/ /")
        .noneMatch(t -> t.startsWith("CMD"));
    assertThat(texts.stream().filter(t -> t.contains("container/rootfs"))).hasSize(1);
    assertThat(texts)
        .anyMatch(
            t ->
                t.startsWith("HEALTHCHECK")
                    && t.contains("[\"/usr/local/bin/hermes\", \"doctor\", \"--health\"]"));
  }

  /** The instructions of the stage named {@code name}. */
  private List<String> stage(String name) {
    int index = stageNames.indexOf(name);
    assertThat(index).as("a stage named %s", name).isNotNegative();
    return instructions.stream().filter(i -> i.stage() == index).map(Instruction::text).toList();
  }

  @Test
  void thereIsNoSyntaxDirective() throws IOException {
    // BuildKit would fetch the named frontend image (no registry offline); the built-in one and
    // the legacy builder both read this Dockerfile.
    for (String line : Files.readAllLines(Repo.DOCKERFILE, StandardCharsets.UTF_8)) {
      if (!line.startsWith("#")) {
        break;
      }
      assertThat(line.replace(" ", "").toLowerCase()).doesNotStartWith("#syntax=");
    }
  }

  @Test
  void theBuildStageCopiesEveryModulePomBeforeTheSources() throws IOException {
    String parent = Files.readString(Repo.ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
    List<String> modules =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(parent)
            .results()
            .map(m -> m.group(1).strip())
            .toList();
    assertThat(modules).isNotEmpty();
    List<String> build = stage("build");
    int sources = build.indexOf("COPY . .");
    assertThat(sources).as("COPY . . in the build stage").isPositive();
    List<String> before = build.subList(0, sources);
    assertThat(before).contains("COPY pom.xml ./");
    for (String module : modules) {
      assertThat(before)
          .as("the dependency layer sees module %s", module)
          .contains("COPY " + module + "/pom.xml " + module + "/");
    }
  }

  @Test
  void theDefaultsAreTheProductionPath() {
    assertThat(stage("s6")).contains("ARG S6_OVERLAY_SOURCE=download");
  }

  @Test
  void theJreIsLinkedIntoItsOwnDirectoryWithoutDebugFiles() {
    List<String> jre = stage("jre");
    String jlink = jre.stream().filter(t -> t.contains("jlink ")).findFirst().orElseThrow();
    // /opt/java/openjdk is the JDK's own home in the eclipse-temurin images.
    assertThat(jlink).contains("--output /opt/jre").doesNotContain("--output /opt/java/openjdk");
    assertThat(jlink).contains("-name '*.debuginfo' -delete");
    List<String> runtime =
        instructions.stream()
            .filter(i -> i.stage() == stageNames.size() - 1)
            .map(Instruction::text)
            .toList();
    // HERMES_JAVA (ENV of the runtime stage) is /opt/java/openjdk/bin/java.
    assertThat(runtime).contains("COPY --from=jre /opt/jre /opt/java/openjdk");
    assertThat(runtime).anyMatch(t -> t.contains("HERMES_JAVA=/opt/java/openjdk/bin/java"));
  }

  @Test
  void extraCertificatesReachOnlyTheBuildStages() {
    for (int stage = 0; stage < stageNames.size(); stage++) {
      String name = stageNames.get(stage);
      int index = stage;
      List<String> texts =
          instructions.stream()
              .filter(i -> i.stage() == index)
              .map(Instruction::text)
              .filter(t -> t.contains("container/local-ca"))
              .toList();
      if ("build".equals(name) || "s6".equals(name)) {
        assertThat(texts).as("stage %s", name).hasSize(1);
      } else {
        assertThat(texts).as("stage %s must not see the build's CAs", name).isEmpty();
      }
    }
    // The runtime takes nothing from the build stages but their products.
    List<String> fromBuild =
        instructions.stream()
            .filter(i -> i.stage() == stageNames.size() - 1)
            .map(Instruction::text)
            .filter(t -> t.startsWith("COPY --from="))
            .toList();
    assertThat(fromBuild)
        .containsExactlyInAnyOrder(
            "COPY --from=s6 /s6root/ /",
            "COPY --from=jre /opt/jre /opt/java/openjdk",
            "COPY --from=build /src/hermes-cli/target/hermes.jar /opt/hermes/lib/hermes.jar",
            "COPY --from=build /src/hermes-cli/target/launch-profiles"
                + " /opt/hermes/lib/launch-profiles");
  }
}
