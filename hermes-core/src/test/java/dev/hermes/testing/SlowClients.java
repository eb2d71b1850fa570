package dev.hermes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slowloris against a server on 127.0.0.1: connections that send a request line and headers one
 * byte at a time and never end them, and connections that send nothing. A thread of its own sends
 * each dripping connection its next byte every {@link #DRIP_EVERY_MILLIS} and notes which ones the
 * server closed. {@link #close} closes every socket it opened.
 */
public final class SlowClients implements AutoCloseable {
  public static final long DRIP_EVERY_MILLIS = 500;
  private static final byte[] HEAD =
      "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

  /** One connection and how far it got. */
  private static final class Client {
    final SocketChannel channel;
    final boolean drips;
    int sent;
    boolean closedByServer;

    Client(SocketChannel channel, boolean drips) {
      this.channel = channel;
      this.drips = drips;
    }
  }

  private final List<Client> clients = new ArrayList<>();
  private final Selector selector;
  private final Thread dripper;
  private final AtomicInteger rounds = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private volatile boolean stopping;

  private SlowClients(Selector selector) {
    this.selector = selector;
    this.dripper = new Thread(this::drip, "slow-clients");
    this.dripper.setDaemon(true);
  }

  /**
   * Opens {@code dripping} connections that each send their first byte at once, and {@code silent}
   * ones, to {@code port} on 127.0.0.1.
   */
  public static SlowClients open(int port, int dripping, int silent) throws IOException {
    SlowClients slow = new SlowClients(Selector.open());
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      for (int i = 0; i < dripping + silent; i++) {
        SocketChannel channel = SocketChannel.open();
        Client client = new Client(channel, i < dripping);
        slow.clients.add(client);
        channel.socket().connect(address, 5_000);
        channel.configureBlocking(false);
        channel.register(slow.selector, SelectionKey.OP_READ, client);
      }
      // Only once all are open: what the server then does with them is what a test looks at.
      for (Client client : slow.clients) {
        if (client.drips) {
          slow.sendNext(client);
        }
      }
    } catch (IOException | RuntimeException e) {
      slow.close();
      throw e;
    }
    slow.dripper.start();
    return slow;
  }

  /** How many times every dripping connection has been sent one more byte. */
  public int rounds() {
    return rounds.get();
  }

  /** How many connections the server has closed. */
  public int closedByServer() {
    return closed.get();
  }

  /** How many connections this opened. */
  public int count() {
    return clients.size();
  }

  private void drip() {
    ByteBuffer sink = ByteBuffer.allocate(4096);
    while (!stopping) {
      try {
        Thread.sleep(DRIP_EVERY_MILLIS);
        synchronized (clients) {
          for (Client c : clients) {
            if (c.drips && !c.closedByServer && !sendNext(c)) {
              serverClosed(c);
            }
          }
          selector.selectNow();
          for (SelectionKey key : selector.selectedKeys()) {
            Client c = (Client) key.attachment();
            if (!c.closedByServer && !readable(c, sink)) {
              serverClosed(c);
            }
          }
          selector.selectedKeys().clear();
        }
        rounds.incrementAndGet();
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        if (!stopping) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  // False when the server has closed the connection.
  private boolean sendNext(Client c) {
    byte next = c.sent < HEAD.length ? HEAD[c.sent] : (byte) 'a';
    try {
      c.sent += c.channel.write(ByteBuffer.wrap(new byte[] {next}));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // A server may answer before it closes (a refusal); only the end of the stream means closed.
  private static boolean readable(Client c, ByteBuffer sink) {
    try {
      sink.clear();
      return c.channel.read(sink) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  private void serverClosed(Client c) {
    c.closedByServer = true;
    closed.incrementAndGet();
    SelectionKey key = c.channel.keyFor(selector);
    if (key != null) {
      key.cancel();
    }
  }

  @Override
  public void close() {
    stopping = true;
    dripper.interrupt();
    try {
      dripper.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (clients) {
      for (Client c : clients) {
        try {
          c.channel.close();
        } catch (IOException e) {
          // Closing is all that is left to do with it.
        }
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      // As above.
    }
  }
}
