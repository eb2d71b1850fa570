package dev.hermes.supervision.s6;

import dev.hermes.core.AtomicFiles;
import dev.hermes.core.HermesHome;
import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Test entry point: what {@code hermes -p P supervise record-failure --code C --reason R
 * --hold-file F} does. Arguments: profile, code, reason, hold file.
 */
public final class FailureRecorderMain {
  private FailureRecorderMain() {}

  public static void main(String[] args) {
    HermesHome home = new HermesHome(Path.of(System.getenv("HERMES_HOME")));
    Hold hold =
        FailureRecorder.record(
            home.profile(args[0]), new Hold(HoldReason.parse(args[1]).orElseThrow(), args[2]));
    AtomicFiles.write(
        Path.of(args[3]),
        HoldFile.render(hold).getBytes(StandardCharsets.UTF_8),
        AtomicFiles.OWNER_WRITE_ALL_READ);
  }
}
