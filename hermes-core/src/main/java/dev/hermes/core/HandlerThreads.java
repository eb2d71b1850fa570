package dev.hermes.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor a hermes server hands its exchanges to. The JDK server reads each request's line and
 * headers on that executor, not on its selector, so a client that sends them slowly holds a thread
 * until {@link ServerLimits#REQUEST_DEADLINE}. With a small fixed pool, a few slow clients took
 * every thread and /health waited behind them.
 *
 * <p>So every connection being read gets a thread of its own. On JDK 24 and later that is a virtual
 * thread: a parked read costs a few KB of heap (the virtual-thread runtime itself, once started,
 * 0.4-1.3 MB: bench/results/gateway-memory.md), against tens of KB of stack and a kernel thread for
 * a platform thread (16 MB more for 200 slow clients: bench/results/slowloris.md). Before 24, a
 * virtual thread blocking inside {@code synchronized} pins its carrier (JEP 491 lifted that), and
 * the JDK server's request stream reads in synchronized methods: a couple of slow clients would
 * stall every carrier. There, and when virtual threads are unavailable, it is a pool of platform
 * threads that grows to the cap on open connections and lets idle threads go after 30 s; each costs
 * its touched stack (tens of KB) only while a connection uses it.
 */
public final class HandlerThreads {
  static final int VIRTUAL_FROM = 24;
  // When the operator lifted the connection cap: still a bound on the platform threads.
  static final int PLATFORM_WITHOUT_CAP = ServerLimits.MAX_CONNECTIONS;
  // A connection the server has just closed may still hold its thread while the read unwinds.
  static final int PLATFORM_SLACK = 16;

  private HandlerThreads() {}

  /** A new executor whose threads are named {@code name-N}; shut it down with the server. */
  public static ExecutorService create(String name) {
    if (Runtime.version().feature() >= VIRTUAL_FROM) {
      ExecutorService virtual = virtual(name);
      if (virtual != null) {
        return virtual;
      }
    }
    return platform(name, platformBound(ServerLimits.maxConnections()));
  }

  /** True when {@link #create} gives virtual threads on this JVM. */
  public static boolean virtual() {
    return Runtime.version().feature() >= VIRTUAL_FROM && factory("probe") != null;
  }

  static int platformBound(int maxConnections) {
    return (maxConnections > 0 ? maxConnections : PLATFORM_WITHOUT_CAP) + PLATFORM_SLACK;
  }

  /**
   * A thread per exchange up to {@code bound}, none kept idle past 30 s. Past the bound the
   * executor refuses, and the JDK server closes that one connection; the old caller-runs policy
   * would have put a slow client's read on the accepting thread and stopped the whole server.
   */
  static ThreadPoolExecutor platform(String name, int bound) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, name + "-" + count.incrementAndGet());
          // The main thread decides when the process is done, never a stuck exchange.
          t.setDaemon(true);
          return t;
        };
    return new ThreadPoolExecutor(
        0, bound, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
  }

  // Through reflection: the code compiles for Java 17, which has no virtual threads.
  private static ExecutorService virtual(String name) {
    ThreadFactory factory = factory(name);
    if (factory == null) {
      return null;
    }
    try {
      return (ExecutorService)
          Executors.class
              .getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
              .invoke(null, factory);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static ThreadFactory factory(String name) {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Class<?> type = Class.forName("java.lang.Thread$Builder");
      builder = type.getMethod("name", String.class, long.class).invoke(builder, name + "-", 1L);
      return (ThreadFactory) type.getMethod("factory").invoke(builder);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Also where the VM has no continuations: ofVirtual() then throws.
      return null;
    }
  }
}
