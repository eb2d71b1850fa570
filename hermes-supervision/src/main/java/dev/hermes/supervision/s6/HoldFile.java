package dev.hermes.supervision.s6;

import dev.hermes.core.HermesException;
import dev.hermes.core.OwnFiles;
import dev.hermes.core.state.Hold;
import dev.hermes.core.state.HoldReason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code hermes-failure} in a slot: present while the finish script holds the gateway down. Its
 * first line is the {@link HoldReason} code, its second the line an operator reads. A file of one
 * line (written before the code was added) is read as its message, the code told from the words.
 */
public final class HoldFile {
  public static final String NAME = "hermes-failure";

  private HoldFile() {}

  /** The hold, or null when the slot is not held (or the file cannot be read). */
  public static Hold read(Path slot) {
    String text;
    try {
      text = OwnFiles.readText(slot.resolve(NAME), OwnFiles.LINE_LIMIT).strip();
    } catch (IOException | HermesException e) {
      return null;
    }
    if (text.isEmpty()) {
      return null;
    }
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    HoldReason coded = HoldReason.parse(lines.get(0)).orElse(null);
    if (coded != null) {
      return new Hold(coded, lines.size() > 1 ? lines.get(1) : coded.code());
    }
    String message = lines.get(0);
    return new Hold(HoldReason.ofMessage(message), message);
  }

  /** The file's content for a hold: code, then message, each on one line. */
  public static String render(Hold hold) {
    return hold.reason().code() + "\n" + hold.message().replaceAll("[\\r\\n]+", " ") + "\n";
  }
}
