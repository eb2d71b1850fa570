package dev.hermes.container;

/** What a command run in a container ({@code docker exec}) returned. */
record ExecResult(int code, String out, String err) {
  boolean ok() {
    return code == 0;
  }

  @Override
  public String toString() {
    return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
  }
}
