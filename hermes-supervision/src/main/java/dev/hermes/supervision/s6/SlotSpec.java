package dev.hermes.supervision.s6;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * Everything a gateway slot's scripts need, fixed at registration time.
 *
 * @param hermesCommand the argv that starts hermes (the launcher's absolute path)
 * @param hermesHome exported to the gateway as HERMES_HOME
 * @param home exported as HOME
 * @param extraEnv further variables for the gateway, rendered sorted and single-quoted
 * @param tools where the s6 programs are
 * @param policy the crash-loop numbers
 */
public record SlotSpec(
    List<String> hermesCommand,
    Path hermesHome,
    String home,
    SortedMap<String, String> extraEnv,
    S6Tools tools,
    CrashLoopSettings policy) {}
