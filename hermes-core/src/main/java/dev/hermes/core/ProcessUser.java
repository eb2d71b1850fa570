package dev.hermes.core;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Who this process runs as: its effective uid ({@code user.name} is only a name, and uid 0 need not
 * be called root). On Linux it is read from {@code /proc/self/status}, which needs no JDK module:
 * the image's jlinked runtime has no {@code jdk.security.auth}, and a root check that silently
 * answered "not root" there would turn the ownership rules off. Elsewhere {@code
 * com.sun.security.auth.module.UnixSystem}, the JDK's supported way, gives the uid.
 */
public final class ProcessUser {
  public static final int ROOT = 0;

  /** Where there are no uids (Windows), no one is root in this sense. */
  public static final int UNKNOWN = -1;

  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessUser() {}

  /** Looked up once: a JVM never changes its uid, and every command asks (the root check). */
  private static volatile Integer known;

  public static int uid() {
    Integer uid = known;
    if (uid == null) {
      uid = lookUp();
      known = uid;
    }
    return uid;
  }

  private static int lookUp() {
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      return UNKNOWN;
    }
    OptionalInt fromProc = effectiveUid(STATUS);
    if (fromProc.isPresent()) {
      return fromProc.getAsInt();
    }
    try {
      return (int) new UnixSystem().getUid();
    } catch (LinkageError e) {
      return UNKNOWN;
    }
  }

  public static boolean isRoot() {
    return uid() == ROOT;
  }

  /** The second field of the {@code Uid:} line (real, effective, saved, file system). */
  static OptionalInt effectiveUid(Path status) {
    try {
      for (String line : OwnFiles.readText(status, OwnFiles.STATE_LIMIT).split("\n")) {
        if (line.startsWith("Uid:")) {
          String[] fields = line.substring(4).strip().split("\\s+");
          if (fields.length >= 2 && fields[1].matches("\\d{1,10}")) {
            return OptionalInt.of(Integer.parseInt(fields[1]));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc (macOS) or an unexpected format: the caller asks the JDK instead.
    }
    return OptionalInt.empty();
  }
}
