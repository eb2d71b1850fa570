package dev.hermes.supervision.resolve;

import dev.hermes.supervision.ServiceManager;
import dev.hermes.supervision.ServiceManagerKind;
import dev.hermes.supervision.SupervisionEnvironment;

/** One way of supervising gateways: whether it applies here, and how to build it. */
public interface Candidate {
  ServiceManagerKind kind();

  /** Why this candidate would be chosen, for {@code doctor} and the docs. */
  String description();

  boolean applies(SupervisionEnvironment environment);

  ServiceManager create(SupervisionEnvironment environment);
}
