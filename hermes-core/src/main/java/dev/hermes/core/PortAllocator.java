package dev.hermes.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Picks the lowest port in the range that no profile claims and that no other program holds right
 * now. Profiles' claims are authoritative even for stopped gateways, so two profiles never share a
 * port.
 */
public final class PortAllocator {
  private final PortRange range;
  private final IntPredicate bindable;

  public PortAllocator(PortRange range, IntPredicate bindable) {
    this.range = range;
    this.bindable = bindable;
  }

  public PortAllocator(PortRange range) {
    this(range, PortAllocator::canBindLoopback);
  }

  public int allocate(Set<Integer> claimed) {
    for (int port = range.first(); port <= range.last(); port++) {
      if (!claimed.contains(port) && bindable.test(port)) {
        return port;
      }
    }
    throw new HermesException(
        "no free gateway port in "
            + range
            + " (set "
            + ConfigKey.GATEWAY_PORT_RANGE
            + " in config.yaml, or pass --port)");
  }

  static boolean canBindLoopback(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
