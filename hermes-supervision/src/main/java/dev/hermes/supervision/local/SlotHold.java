package dev.hermes.supervision.local;

import dev.hermes.core.AtomicFiles;
import dev.hermes.core.Profile;
import dev.hermes.core.state.Hold;
import dev.hermes.supervision.s6.FailureRecorder;
import dev.hermes.supervision.s6.HoldFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a gateway slot's finish script reports when s6 holds the gateway down ({@code hermes
 * supervise record-failure}): the gateway's state records it ({@link FailureRecorder}), and the
 * hold is written as status shows it into a file the script then moves into the slot.
 */
public final class SlotHold {
  private SlotHold() {}

  /**
   * @param holdFile where to write the hold ({@link HoldFile}'s format), or null for nowhere
   */
  public static void record(Profile profile, Hold proposed, Path holdFile) {
    Hold hold = FailureRecorder.record(profile, proposed);
    if (holdFile != null) {
      AtomicFiles.write(
          holdFile,
          HoldFile.render(hold).getBytes(StandardCharsets.UTF_8),
          AtomicFiles.OWNER_WRITE_ALL_READ);
    }
  }
}
