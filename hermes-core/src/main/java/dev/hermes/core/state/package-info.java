/**
 * The words hermes uses for a gateway's state, in one place: what the operator asked for ({@link
 * DesiredState}), what the gateway reports about itself ({@link ReportedState}), what the
 * supervisor sees ({@link ActualState}), why the supervisor holds it down ({@link HoldReason}) and
 * how its last process ended ({@link DeathCause}, {@link Death}). Every command, the JSON, the
 * dashboard, the terminal view and the finish script's reason codes use these words and no others.
 * A leaf: it imports nothing else of hermes.
 */
package dev.hermes.core.state;
