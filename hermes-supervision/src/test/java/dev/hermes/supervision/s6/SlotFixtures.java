package dev.hermes.supervision.s6;

import dev.hermes.supervision.ProcessCommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

final class SlotFixtures {
  private SlotFixtures() {}

  static SlotSpec spec(Path home, List<String> hermes, SortedMap<String, String> extra) {
    return new SlotSpec(
        hermes,
        home,
        "/home/op",
        extra,
        new S6Tools(Path.of("/command")),
        CrashLoopSettings.DEFAULT);
  }

  static SlotSpec spec(Path home) {
    return spec(home, List.of("/opt/hermes/bin/hermes"), new TreeMap<>());
  }

  /**
   * The s6 backend over the machine's real s6 tools ({@link S6Scanner#BIN}) and {@code scandir},
   * whose slots run {@code gateway} (a stand-in for hermes) with {@code policy}.
   */
  static S6ServiceManager realManager(
      Path scandir, Path gateway, Path hermesHome, Path userHome, CrashLoopSettings policy) {
    S6Tools tools = new S6Tools(S6Scanner.BIN);
    return new S6ServiceManager(
        scandir,
        tools,
        () ->
            new SlotSpec(
                List.of(gateway.toString()),
                hermesHome,
                userHome.toString(),
                new TreeMap<>(),
                tools,
                policy),
        new ProcessCommandRunner(),
        "s6 (test)");
  }
}
