package dev.hermes.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The limits of every hermes server: read deadlines, an idle timeout and caps on connections and
 * headers, so that a few hundred slow or silent clients cannot starve a gateway's /health or the
 * dashboard's page (SPEC §12).
 *
 * <p>They are the JDK server's own ({@code com.sun.net.httpserver}, JDK 17 and 25 alike): system
 * properties that its implementation reads once, when the first server of the JVM is created. So
 * {@link #install} must run before that, and it only fills in what is not set: a {@code -D} the
 * operator passed (through {@code HERMES_JAVA_OPTS}) wins. One JVM runs one server, so the first
 * call decides.
 *
 * <p>What the JDK server does with them: a request's line, headers and body must all arrive within
 * {@link #REQUEST_DEADLINE} of its first byte (one deadline; the JDK has no separate one for
 * headers), else the connection is closed, checked every second. A connection that sends nothing at
 * all is closed after the same time, checked on the idle tick (every 10 s). From the end of the
 * request to the last byte of the answer, {@code maxRspTime}: long enough for the slowest answer
 * the server legitimately gives, see {@link #install}. Keep-alive connections idle for {@link
 * #IDLE_TIMEOUT} are closed, and past {@link #MAX_IDLE_CONNECTIONS} at once at the end of their
 * request. Past {@link #MAX_CONNECTIONS} open connections, new ones are closed as they are
 * accepted.
 */
public final class ServerLimits {
  public static final Duration REQUEST_DEADLINE = Duration.ofSeconds(20);
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  // Above "a few hundred" slow clients, with room for real ones; a connection being read costs
  // a virtual thread (JDK 24+) or a platform thread (see HandlerThreads) and its buffers.
  public static final int MAX_CONNECTIONS = 512;
  public static final int MAX_IDLE_CONNECTIONS = 64;
  // The JDK's own defaults (200 headers, 380 KB) would let 512 connections hold ~190 MB of
  // headers, more than a gateway's or the dashboard's heap; 16 KB is Node.js's cap.
  public static final int MAX_HEADERS = 100;
  public static final int MAX_HEADER_BYTES = 16 * 1024;

  /**
   * Added to a server's slowest answer for moving it: reading a large model answer and writing it
   * to a client on a slow link.
   */
  public static final Duration ANSWER_TRANSFER = Duration.ofSeconds(60);

  public static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
  public static final String MAX_RSP_TIME = "sun.net.httpserver.maxRspTime";
  public static final String IDLE_INTERVAL = "sun.net.httpserver.idleInterval";
  public static final String MAX_IDLE = "sun.net.httpserver.maxIdleConnections";
  public static final String MAX_OPEN = "jdk.httpserver.maxConnections";
  public static final String MAX_REQ_HEADERS = "sun.net.httpserver.maxReqHeaders";
  public static final String MAX_REQ_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";

  private ServerLimits() {}

  /**
   * Sets the limits that are not set yet, before the JVM's first server is created.
   *
   * @param slowestAnswer the longest this server may legitimately take between reading a request
   *     and having its answer ready (a gateway: the model relay's timeouts); {@code maxRspTime} is
   *     that plus {@link #ANSWER_TRANSFER}, so no deadline cuts off an answer in the making
   */
  public static void install(Duration slowestAnswer) {
    apply(System.getProperties(), slowestAnswer);
  }

  /** The defaults, in the units the JDK reads (seconds, counts, bytes). */
  static Map<String, String> defaults(Duration slowestAnswer) {
    if (slowestAnswer.isNegative()) {
      throw new IllegalArgumentException("slowestAnswer must not be negative");
    }
    Map<String, String> limits = new LinkedHashMap<>();
    limits.put(MAX_REQ_TIME, Long.toString(REQUEST_DEADLINE.toSeconds()));
    limits.put(MAX_RSP_TIME, Long.toString(seconds(slowestAnswer.plus(ANSWER_TRANSFER))));
    limits.put(IDLE_INTERVAL, Long.toString(IDLE_TIMEOUT.toSeconds()));
    limits.put(MAX_IDLE, Integer.toString(MAX_IDLE_CONNECTIONS));
    limits.put(MAX_OPEN, Integer.toString(MAX_CONNECTIONS));
    limits.put(MAX_REQ_HEADERS, Integer.toString(MAX_HEADERS));
    limits.put(MAX_REQ_HEADER_SIZE, Integer.toString(MAX_HEADER_BYTES));
    return limits;
  }

  static void apply(Properties target, Duration slowestAnswer) {
    // Under the lock of the properties themselves: two servers binding at once in one JVM (tests)
    // must not see a half-filled set.
    synchronized (target) {
      defaults(slowestAnswer).forEach(target::putIfAbsent);
    }
  }

  /**
   * The cap on open connections this JVM's servers run with (an operator's {@code -D}, else ours);
   * 0 or less means none.
   */
  public static int maxConnections() {
    return Integer.getInteger(MAX_OPEN, MAX_CONNECTIONS);
  }

  // Whole seconds, rounded up: the JDK reads seconds, and rounding down could cut an answer short.
  private static long seconds(Duration d) {
    long s = d.toSeconds();
    return d.equals(Duration.ofSeconds(s)) ? s : s + 1;
  }
}
