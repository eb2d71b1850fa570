package dev.hermes.supervision;

import dev.hermes.core.HermesException;

/** A supervisor refused or failed an operation; the message is shown to the operator as is. */
public class SupervisionException extends HermesException {
  private static final long serialVersionUID = 1L;

  public SupervisionException(String message) {
    super(message);
  }
}
