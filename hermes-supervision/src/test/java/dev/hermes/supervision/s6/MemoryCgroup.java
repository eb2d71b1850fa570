package dev.hermes.supervision.s6;

import dev.hermes.testing.Required;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A memory cgroup of its own with a small limit, so that a test sees the kernel's real OOM killer
 * at work: cgroup v1's memory controller where it is mounted, else v2's. The test machine runs as
 * root; where neither can be made, the test needs an engine it lacks (a failure in CI).
 */
final class MemoryCgroup implements AutoCloseable {
  private static final Path V1 = Path.of("/sys/fs/cgroup/memory");
  private static final Path V2 = Path.of("/sys/fs/cgroup");

  private final Path dir;

  private MemoryCgroup(Path dir) {
    this.dir = dir;
  }

  static MemoryCgroup create(long limitBytes) {
    String name = "hermes-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    try {
      if (Files.isWritable(V1.resolve("cgroup.procs"))) {
        Path dir = Files.createDirectory(V1.resolve(name));
        Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(limitBytes));
        return new MemoryCgroup(dir);
      }
      if (Files.readString(V2.resolve("cgroup.subtree_control")).contains("memory")) {
        Path dir = Files.createDirectory(V2.resolve(name));
        Files.writeString(dir.resolve("memory.max"), Long.toString(limitBytes));
        try {
          Files.writeString(dir.resolve("memory.swap.max"), "0");
        } catch (IOException noSwapAccounting) {
          // Without swap accounting there is no swap to spill into either.
        }
        return new MemoryCgroup(dir);
      }
    } catch (IOException | RuntimeException e) {
      Required.engine(false, "cannot make a memory cgroup here: " + e);
    }
    Required.engine(false, "no writable cgroup memory controller in " + V1 + " or " + V2);
    throw new AssertionError("unreachable");
  }

  /** The file a process writes its pid into to join the cgroup. */
  Path procs() {
    return dir.resolve("cgroup.procs");
  }

  /** Removed once empty; its processes are the caller's to stop first. */
  @Override
  public void close() throws IOException, InterruptedException {
    for (int tries = 0; ; tries++) {
      try {
        Files.delete(dir);
        return;
      } catch (IOException busy) {
        if (tries >= 50) {
          throw busy;
        }
        Thread.sleep(100);
      }
    }
  }
}
