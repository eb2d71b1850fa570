package dev.hermes.supervision.s6;

import dev.hermes.core.HermesHome;

/** Test entry point: what {@code hermes -p P supervise record-failure --reason R} does. */
public final class FailureRecorderMain {
  private FailureRecorderMain() {}

  public static void main(String[] args) {
    HermesHome home = new HermesHome(java.nio.file.Path.of(System.getenv("HERMES_HOME")));
    FailureRecorder.record(home.profile(args[0]), args[1]);
  }
}
