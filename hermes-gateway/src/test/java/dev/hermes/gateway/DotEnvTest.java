package dev.hermes.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.core.FileRefusedException;
import dev.hermes.core.OwnFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {
  @Test
  void readsPlainKeyValueLines() {
    assertThat(DotEnv.parse("MODEL_API_KEY=sk-123\nOTHER=x\n"))
        .containsEntry("MODEL_API_KEY", "sk-123")
        .containsEntry("OTHER", "x");
  }

  @Test
  void stripsMatchingQuotesOnly() {
    assertThat(DotEnv.parse("A=\"double\"\nB='single'\nC=\"unbalanced\nD=\"\""))
        .containsEntry("A", "double")
        .containsEntry("B", "single")
        .containsEntry("C", "\"unbalanced")
        .containsEntry("D", "");
  }

  @Test
  void skipsCommentsBlankLinesAndLinesWithoutEquals() {
    assertThat(DotEnv.parse("# a comment\n\n   \nnot a pair\n=novalue\nKEY=v\n"))
        .containsOnlyKeys("KEY");
  }

  @Test
  void acceptsExportPrefixesAndSpacesAroundTheEqualsSign() {
    assertThat(DotEnv.parse("export MODEL_API_KEY = abc \r\n"))
        .containsEntry("MODEL_API_KEY", "abc");
  }

  @Test
  void keepsHashesAndEqualsSignsInsideValues() {
    assertThat(DotEnv.parse("KEY=ab#cd=ef")).containsEntry("KEY", "ab#cd=ef");
  }

  @Test
  void theLastDefinitionWins() {
    assertThat(DotEnv.parse("K=1\nK=2")).containsEntry("K", "2");
  }

  @Test
  void aMissingFileHoldsNoVariables(@TempDir Path dir) throws Exception {
    assertThat(DotEnv.read(dir.resolve(".env"))).isEmpty();
  }

  @Test
  void aLinkedEnvIsRefusedRatherThanRead(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("root-only"), "MODEL_API_KEY=not-yours\n");
    Path env = Files.createSymbolicLink(dir.resolve(".env"), secret);

    assertThatThrownBy(() -> DotEnv.read(env))
        .isInstanceOf(FileRefusedException.class)
        .hasMessage(env + " is a symbolic link; hermes does not follow links in HERMES_HOME");
  }

  @Test
  void anEnvOverItsCapIsRefused(@TempDir Path dir) throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "K=" + "v".repeat((int) OwnFiles.ENV_LIMIT) + "\n");

    assertThatThrownBy(() -> DotEnv.read(env))
        .isInstanceOf(FileRefusedException.class)
        .hasMessageEndingWith("the limit is 64 KB (65536 bytes)");
  }
}
