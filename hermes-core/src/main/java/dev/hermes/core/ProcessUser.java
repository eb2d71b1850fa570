package dev.hermes.core;

import com.sun.security.auth.module.UnixSystem;

/**
 * Who this process runs as. {@code com.sun.security.auth.module.UnixSystem} (module
 * jdk.security.auth) is the JDK's supported way to read the uid; {@code user.name} is only a name,
 * and uid 0 need not be called root.
 */
public final class ProcessUser {
  public static final int ROOT = 0;

  /** Where there are no uids (Windows), no one is root in this sense. */
  public static final int UNKNOWN = -1;

  private ProcessUser() {}

  public static int uid() {
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      return UNKNOWN;
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
}
