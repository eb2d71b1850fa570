package dev.hermes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pages of docs/, for tests that hold the code to what the pages say. Found by walking up from
 * the working directory, which is the module's under Maven and the checkout's in an IDE.
 */
public final class DocsPages {
  private DocsPages() {}

  /** The lines of {@code docs/<name>}. */
  public static List<String> lines(String name) {
    try {
      return Files.readAllLines(path(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole of {@code docs/<name>}. */
  public static String text(String name) {
    return String.join("\n", lines(name)) + "\n";
  }

  private static Path path(String name) {
    String relative = "docs/" + name;
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new AssertionError(relative + " is not above " + Path.of("").toAbsolutePath());
  }
}
