/**
 * The audit trail: one JSON line per lifecycle event in {@code $HERMES_HOME/logs/audit.jsonl},
 * appended by the CLI, the dashboard, the terminal view, the boot reconciler and the slots' finish
 * scripts, and read back by {@code hermes gateway history} and the dashboard. The line format is
 * shared with a POSIX sh writer, so it is fixed: see {@link AuditEvent}.
 */
package dev.hermes.core.audit;
