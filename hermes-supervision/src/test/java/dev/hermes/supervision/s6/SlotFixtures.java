package dev.hermes.supervision.s6;

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
}
