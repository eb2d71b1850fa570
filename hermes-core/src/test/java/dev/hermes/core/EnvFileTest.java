package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {
  @TempDir Path dir;

  @Test
  void readsPlainKeyValueLines() {
    assertThat(EnvFile.parse("MODEL_API_KEY=sk-123\nOTHER=x\n"))
        .containsEntry("MODEL_API_KEY", "sk-123")
        .containsEntry("OTHER", "x");
  }

  @Test
  void stripsMatchingQuotesOnly() {
    assertThat(EnvFile.parse("A=\"double\"\nB='single'\nC=\"unbalanced\nD=\"\""))
        .containsEntry("A", "double")
        .containsEntry("B", "single")
        .containsEntry("C", "\"unbalanced")
        .containsEntry("D", "");
  }

  @Test
  void skipsCommentsBlankLinesAndLinesWithoutEquals() {
    assertThat(EnvFile.parse("# a comment\n\n   \nnot a pair\n=novalue\nKEY=v\n"))
        .containsOnlyKeys("KEY");
  }

  @Test
  void acceptsExportPrefixesAndSpacesAroundTheEqualsSign() {
    assertThat(EnvFile.parse("export MODEL_API_KEY = abc \r\n"))
        .containsEntry("MODEL_API_KEY", "abc");
  }

  @Test
  void keepsHashesAndEqualsSignsInsideValues() {
    assertThat(EnvFile.parse("KEY=ab#cd=ef")).containsEntry("KEY", "ab#cd=ef");
  }

  @Test
  void theLastDefinitionWins() {
    assertThat(EnvFile.parse("K=1\nK=2")).containsEntry("K", "2");
  }

  @Test
  void aMissingFileHoldsNoVariables() throws IOException {
    assertThat(EnvFile.values(dir.resolve(".env"))).isEmpty();
  }

  @Test
  void aLinkedEnvIsRefusedRatherThanRead() throws IOException {
    Path secret = Files.writeString(dir.resolve("root-only"), "MODEL_API_KEY=not-yours\n");
    Path env = Files.createSymbolicLink(dir.resolve(".env"), secret);

    assertThatThrownBy(() -> EnvFile.values(env))
        .isInstanceOf(FileRefusedException.class)
        .hasMessage(env + " is a symbolic link; hermes does not follow links in HERMES_HOME");
  }

  @Test
  void ensurePrivateTightensTheFileItself() throws IOException {
    Path env = Files.writeString(dir.resolve(".env"), "K=v\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));

    EnvFile.ensurePrivate(env);

    assertThat(Files.getPosixFilePermissions(env)).isEqualTo(AtomicFiles.OWNER_ONLY);
  }

  @Test
  void ensurePrivateRefusesALinkAndLeavesItsTargetAlone() throws IOException {
    Path target = Files.writeString(dir.resolve("shared"), "x\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    Path env = Files.createSymbolicLink(dir.resolve(".env"), target);

    assertThatThrownBy(() -> EnvFile.ensurePrivate(env))
        .isInstanceOf(HermesException.class)
        .hasMessage(env + " is a symbolic link; hermes does not follow links in HERMES_HOME");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aDanglingLinkIsRefusedAndNothingIsCreatedAtItsTarget() throws IOException {
    Path target = dir.resolve("planted");
    Path env = Files.createSymbolicLink(dir.resolve(".env"), target);

    assertThatThrownBy(() -> EnvFile.ensurePrivate(env)).isInstanceOf(HermesException.class);
    assertThatThrownBy(() -> EnvFile.values(env)).isInstanceOf(FileRefusedException.class);
    assertThat(target).doesNotExist();
  }

  @Test
  void anEnvOverItsCapIsRefused() throws IOException {
    Path env = OwnFilesTest.sparse(dir.resolve(".env"), OwnFiles.ENV_LIMIT + 1);

    assertThatThrownBy(() -> EnvFile.values(env))
        .isInstanceOf(FileRefusedException.class)
        .hasMessageEndingWith("is 65537 bytes; the limit is 64 KB (65536 bytes)");
  }
}
