package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;

/**
 * One way of supervising gateways, one class per mechanism: whether it applies here, where it
 * ranks, and how to build it.
 */
public interface Candidate {
  ServiceManagerKind kind();

  /**
   * Where this candidate ranks in {@link ServiceManagerResolver#standard()}: the highest that
   * applies wins. Spaced by ten so a new mechanism fits between two without renumbering.
   */
  int priority();

  /** Why this candidate would be chosen, for {@code doctor} and the docs. */
  String description();

  boolean applies(SupervisionEnvironment environment);

  ServiceManager create(SupervisionEnvironment environment);
}
