package dev.hermes.supervision.s6;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in for the hermes launcher in slot scripts. {@code gateway run} behaves as the file
 * {@code $HERMES_HOME/behaviour-<profile>} says: {@code serve} (default: record the ready time as
 * the gateway does, signal readiness on fd 3, then wait), {@code crash} (exit 3 at once), {@code
 * fatal} (exit 78), {@code stubborn} (serve, ignoring SIGTERM), {@code fails-on-term} (serve, and
 * exit 1 on SIGTERM), {@code hog} (serve, then take memory until something stops it: in a cgroup
 * with a limit, the kernel's OOM killer). {@code supervise record-failure} calls the real failure
 * recorder in a JVM with the test class path.
 */
final class TestGateway {
  private TestGateway() {}

  static Path write(Path dir) throws IOException {
    Path script = dir.resolve("fake-hermes");
    String classpath = System.getProperty("java.class.path");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "profile=default\n"
            + "[ \"$1\" = -p ] && { profile=$2; shift 2; }\n"
            + "case \"$1 $2\" in\n"
            + "  'gateway run')\n"
            + "    behaviour=$(cat \"$HERMES_HOME/behaviour-$profile\" 2>/dev/null || echo serve)\n"
            + "    echo \"test gateway $profile pid $$ behaviour $behaviour\"\n"
            + "    case $behaviour in\n"
            + "      crash) exit 3 ;;\n"
            + "      fatal) exit 78 ;;\n"
            + "      stubborn) trap '' TERM ;;\n"
            + "      fails-on-term) trap 'exit 1' TERM ;;\n"
            + "    esac\n"
            + "    [ -n \"$HERMES_READY_FILE\" ] && echo $(($(date +%s) + 1)) >\"$HERMES_READY_FILE\"\n"
            + "    echo >&3\n"
            + "    exec 3>&-\n"
            + "    [ \"$behaviour\" = fails-on-term ] && while :; do sleep 1; done\n"
            // tail keeps the last line of a file with no newline: all of /dev/zero.
            + "    [ \"$behaviour\" = hog ] && exec tail /dev/zero\n"
            + "    exec sleep 100000 ;;\n"
            + "  'supervise record-failure')\n"
            + "    exec '"
            + java
            + "' -cp '"
            + classpath
            + "' "
            + FailureRecorderMain.class.getName()
            + " \"$profile\" \"$4\" \"$6\" \"$8\" ;;\n"
            + "esac\n"
            + "exit 64\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
