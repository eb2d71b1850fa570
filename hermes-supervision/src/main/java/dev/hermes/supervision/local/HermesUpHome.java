package dev.hermes.supervision.local;

import dev.hermes.core.ProcessUser;
import dev.hermes.supervision.SupervisionEnvironment;
import dev.hermes.supervision.s6.TreeOwnership;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The HERMES_HOME {@code hermes up} is about to run a tree in, checked before anything is written
 * into it. Everything the tree runs or writes must belong to the user running it alone (see {@link
 * TreeOwnership}); root on someone else's HERMES_HOME never gets here (it hands over to the owner
 * first), so that user is this process's.
 */
public final class HermesUpHome {
  private final SupervisionEnvironment environment;
  private final TreeOwnership ownership;
  private final boolean fresh;

  private HermesUpHome(SupervisionEnvironment environment, TreeOwnership ownership, boolean fresh) {
    this.environment = environment;
    this.ownership = ownership;
    this.fresh = fresh;
  }

  /** Checks HERMES_HOME when it exists; a missing one is created by the caller's next step. */
  public static HermesUpHome check(SupervisionEnvironment environment) {
    TreeOwnership ownership = new TreeOwnership(ProcessUser.uid());
    Path root = environment.home().root();
    boolean fresh = !Files.exists(root);
    if (!fresh) {
      ownership.requireHome(root);
    }
    return new HermesUpHome(environment, ownership, fresh);
  }

  /**
   * Once the default profile is in place: closes a HERMES_HOME this run created (the umask may have
   * left it group-writable), checks it again and claims its tree.
   */
  public HermesUpTree claimTree() {
    Path root = environment.home().root();
    if (fresh) {
      ownership.closeCreated(root);
    }
    ownership.requireHome(root);
    return HermesUpTree.claim(environment, ownership);
  }
}
