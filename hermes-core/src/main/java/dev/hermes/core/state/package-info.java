/**
 * The words hermes uses for a gateway's state, in one place: what the operator asked for ({@link
 * DesiredState}), what the gateway reports about itself ({@link ReportedState}), what the
 * supervisor sees ({@link ActualState}) and why the supervisor holds it down ({@link HoldReason}).
 * Every command, the JSON, the dashboard, the terminal view and the finish script's reason codes
 * use these words and no others. A leaf: it imports nothing else of hermes.
 */
package dev.hermes.core.state;
