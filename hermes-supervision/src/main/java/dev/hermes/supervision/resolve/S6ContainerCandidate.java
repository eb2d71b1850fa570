package dev.hermes.supervision.resolve;

import dev.hermes.core.OwnFiles;
import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.s6.S6Backends;
import java.io.IOException;
import java.nio.file.Files;

/**
 * s6-overlay is PID 1: {@code /proc/1/comm} reads exactly {@code s6-svscan} and {@code
 * /run/s6/basedir} is a directory. Both must hold; any read error means no. {@code /proc/1/exe} is
 * never used: the runtime user cannot read it.
 */
public final class S6ContainerCandidate implements Candidate {
  @Override
  public ServiceManagerKind kind() {
    return ServiceManagerKind.S6;
  }

  static final int PRIORITY = 50;

  @Override
  public int priority() {
    return PRIORITY;
  }

  @Override
  public String description() {
    return "s6 (container supervisor): /proc/1/comm is s6-svscan and /run/s6/basedir exists";
  }

  @Override
  public boolean applies(SupervisionEnvironment environment) {
    return isS6Container(environment);
  }

  static boolean isS6Container(SupervisionEnvironment environment) {
    try {
      String comm = OwnFiles.readText(environment.system("proc/1/comm"), OwnFiles.LINE_LIMIT);
      return comm.strip().equals("s6-svscan")
          && Files.isDirectory(environment.system("run/s6/basedir"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public ServiceManager create(SupervisionEnvironment environment) {
    return S6Backends.container(environment);
  }
}
