/**
 * What the front ends drive of the s6 that runs on this machine, without naming the s6 backend's
 * classes: {@code hermes up}'s tree ({@link dev.hermes.supervision.local.HermesUpHome}, {@link
 * dev.hermes.supervision.local.HermesUpTree}), its dashboard slot ({@link
 * dev.hermes.supervision.local.LocalDashboard}), what a slot's finish script reports ({@link
 * dev.hermes.supervision.local.SlotHold}) and the installed s6 programs the doctor checks ({@link
 * dev.hermes.supervision.local.S6Programs}).
 *
 * <p>These are inherently s6's, so they cannot be behind {@link
 * dev.hermes.supervision.ServiceManager}, whose host backends have no such thing; but the CLI only
 * translates arguments into these calls and prints, and the s6 orchestration lives here, next to
 * the backend it drives.
 */
package dev.hermes.supervision.local;
