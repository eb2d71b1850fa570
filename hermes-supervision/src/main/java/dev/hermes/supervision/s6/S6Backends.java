package dev.hermes.supervision.s6;

import dev.hermes.core.OwnFiles;
import dev.hermes.core.PidLock;
import dev.hermes.core.ProfileNames;
import dev.hermes.supervision.SupervisionEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Builds the s6 backend for the container and for {@code hermes up}. */
public final class S6Backends {
  public static final String SCANDIR_VARIABLE = "S6_PROFILE_GATEWAY_SCANDIR";
  public static final Path CONTAINER_SCANDIR = Path.of("/run/hermes/service");

  /** Launcher settings a gateway needs to start the same way the registering CLI did. */
  private static final String[] PASSED_THROUGH = {
    "HERMES_JAVA",
    "HERMES_JAVA_OPTS",
    "HERMES_GATEWAY_JAVA_OPTS",
    "HERMES_CACHE_DIR",
    "HERMES_S6_BIN_DIR",
    "JAVA_HOME"
  };

  private S6Backends() {}

  public static S6ServiceManager container(SupervisionEnvironment e) {
    Path scandir = scandir(e, CONTAINER_SCANDIR);
    return create(e, scandir, "s6 (container supervisor)");
  }

  public static S6ServiceManager local(SupervisionEnvironment e) {
    Path scandir = scandir(e, localScandir(e));
    return create(e, scandir, "s6 (hermes up, " + scandir + ")");
  }

  public static Path localScandir(SupervisionEnvironment e) {
    return e.home().runDir().resolve("service");
  }

  /** Where {@code hermes up} records the pid of its s6-svscan. */
  public static Path localScannerPidFile(SupervisionEnvironment e) {
    return e.home().runDir().resolve("s6-svscan.pid");
  }

  /** True when the pid file names a live process whose command is s6-svscan. */
  public static boolean localScannerRunning(SupervisionEnvironment e) {
    try {
      OptionalLong pid = PidLock.readPid(localScannerPidFile(e));
      if (pid.isEmpty()) {
        return false;
      }
      String comm =
          OwnFiles.readText(e.system("proc/" + pid.getAsLong() + "/comm"), OwnFiles.LINE_LIMIT);
      return comm.strip().equals("s6-svscan");
    } catch (IOException | RuntimeException ex) {
      return false;
    }
  }

  private static Path scandir(SupervisionEnvironment e, Path fallback) {
    String configured = e.getenv(SCANDIR_VARIABLE);
    return configured != null ? Path.of(configured) : fallback;
  }

  private static S6ServiceManager create(SupervisionEnvironment e, Path scandir, String label) {
    return new S6ServiceManager(
        scandir, S6Tools.locate(e.env()), () -> slotSpec(e), e.runner(), label);
  }

  /** What the scripts of a slot need, read now: the crash-loop numbers come from config.yaml. */
  public static SlotSpec slotSpec(SupervisionEnvironment e) {
    return new SlotSpec(
        e.hermesCommand(),
        e.home().root(),
        e.getenv("HOME") != null ? e.getenv("HOME") : e.userHome().toString(),
        passedThrough(e.env()),
        S6Tools.locate(e.env()),
        CrashLoopSettings.from(e.home().profile(ProfileNames.DEFAULT).config()));
  }

  private static TreeMap<String, String> passedThrough(Map<String, String> env) {
    TreeMap<String, String> extra = new TreeMap<>();
    for (String name : PASSED_THROUGH) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        extra.put(name, value);
      }
    }
    return extra;
  }
}
