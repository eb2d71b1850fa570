package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessUserTest {
  @TempDir Path dir;

  @Test
  void theEffectiveUidIsTheSecondFieldOfTheUidLine() throws IOException {
    Path status = dir.resolve("status");
    Files.writeString(
        status, "Name:\tjava\nUmask:\t0022\nUid:\t1000\t0\t0\t0\nGid:\t1000\t0\t0\t0\n");

    assertThat(ProcessUser.effectiveUid(status)).hasValue(0);
  }

  @Test
  void anUnreadableOrOddStatusGivesNoAnswer() throws IOException {
    assertThat(ProcessUser.effectiveUid(dir.resolve("missing"))).isEmpty();
    Path odd = dir.resolve("odd");
    Files.writeString(odd, "Uid:\tnobody\n");
    assertThat(ProcessUser.effectiveUid(odd)).isEmpty();
  }

  @Test
  void agreesWithTheJdkOnThisMachine() {
    assertThat(ProcessUser.uid()).isEqualTo((int) new UnixSystem().getUid());
  }
}
