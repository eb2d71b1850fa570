package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayStateFileTest {
  @TempDir Path dir;

  @Test
  void aMissingFileReadsAsNoState() {
    GatewayStateFile state = new GatewayStateFile(dir.resolve("gateway_state.json"));
    assertThat(state.read()).isEmpty();
    assertThat(state.priorState()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "{", "{\"gateway_state\": \"run", "[1,2]", "\"running\"", "null", "\0\0\0"})
  void corruptEmptyOrTruncatedContentReadsAsNoState(String content) throws IOException {
    Path file = dir.resolve("gateway_state.json");
    Files.writeString(file, content);
    GatewayStateFile state = new GatewayStateFile(file);
    assertThat(state.read()).isEmpty();
    assertThat(state.priorState()).isEmpty();
  }

  @Test
  void mergeKeepsOtherFieldsAndNullRemovesOne() {
    GatewayStateFile state = new GatewayStateFile(dir.resolve("gateway_state.json"));
    state.merge(Map.of("gateway_state", "running", "pid", 42, "exit_reason", "old"));
    Map<String, Object> update = new HashMap<>();
    update.put("desired_state", "stopped");
    update.put("exit_reason", null);
    state.merge(update);

    assertThat(state.read())
        .containsEntry("gateway_state", "running")
        .containsEntry("pid", 42)
        .containsEntry("desired_state", "stopped")
        .doesNotContainKey("exit_reason");
  }

  @Test
  void mergeOverACorruptFileStartsFresh() throws IOException {
    Path file = dir.resolve("gateway_state.json");
    Files.writeString(file, "{not json");
    new GatewayStateFile(file).merge(Map.of("desired_state", "running"));
    assertThat(new GatewayStateFile(file).read())
        .containsExactly(Map.entry("desired_state", "running"));
  }

  @Test
  void priorStatePrefersDesiredOverReported() {
    GatewayStateFile state = new GatewayStateFile(dir.resolve("gateway_state.json"));
    state.merge(Map.of("gateway_state", "running"));
    assertThat(state.priorState()).contains("running");
    state.merge(Map.of("desired_state", "stopped"));
    assertThat(state.priorState()).contains("stopped");
  }

  @Test
  void aLinkedStateFileIsRefusedByReadAndMergeAndNothingIsWrittenThroughIt() throws IOException {
    Path outside = dir.resolve("elsewhere.json");
    Files.writeString(outside, "{\"keep\":true}");
    Path file = dir.resolve("gateway_state.json");
    Files.createSymbolicLink(file, outside);
    GatewayStateFile state = new GatewayStateFile(file);

    assertThatThrownBy(state::read)
        .isInstanceOf(FileRefusedException.class)
        .hasMessage(file + " is a symbolic link; hermes does not follow links in HERMES_HOME");
    assertThatThrownBy(() -> state.merge(Map.of("desired_state", "running")))
        .isInstanceOf(FileRefusedException.class);

    assertThat(Files.readString(outside)).isEqualTo("{\"keep\":true}");
  }

  @Test
  void aDanglingLinkAtTheLockFileCreatesNothingAtItsTarget() throws IOException {
    Path target = dir.resolve("root-owned-dir").resolve("planted");
    Files.createDirectories(target.getParent());
    Files.createSymbolicLink(dir.resolve(".gateway_state.json.lock"), target);
    GatewayStateFile state = new GatewayStateFile(dir.resolve("gateway_state.json"));

    assertThatThrownBy(() -> state.merge(Map.of("desired_state", "running")))
        .isInstanceOf(FileRefusedException.class)
        .hasMessageContaining(".gateway_state.json.lock is a symbolic link");

    assertThat(target).doesNotExist();
    assertThat(dir.resolve("gateway_state.json")).doesNotExist();
  }

  @Test
  void aStateFileOverItsCapIsRefusedInOneLine() throws IOException {
    Path file = OwnFilesTest.sparse(dir.resolve("gateway_state.json"), 5 * OwnFiles.MB);

    assertThatThrownBy(() -> new GatewayStateFile(file).read())
        .isInstanceOf(FileRefusedException.class)
        .hasMessage(file + " is 5 MB; the limit is 64 KB");
  }
}
