package dev.hermes.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HandlerThreadsTest {
  @Test
  void virtualThreadsOnlyWhereBlockingInSynchronizedDoesNotPinTheirCarrier() {
    assertThat(HandlerThreads.virtual()).isEqualTo(Runtime.version().feature() >= 24);
  }

  @Test
  void exchangesRunOnNamedDaemonThreads() throws Exception {
    ExecutorService executor = HandlerThreads.create("test-http");
    try {
      AtomicReference<Thread> ran = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      executor.execute(
          () -> {
            ran.set(Thread.currentThread());
            done.countDown();
          });

      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(ran.get().getName()).startsWith("test-http-");
      assertThat(ran.get().isDaemon()).isTrue();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void everyBlockedExchangeHasAThreadOfItsOwnNoneWaitsInAQueue() throws Exception {
    int slow = 100;
    ExecutorService executor = HandlerThreads.create("test-http");
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(slow + 1);
    try {
      for (int i = 0; i < slow; i++) {
        executor.execute(
            () -> {
              started.countDown();
              awaitQuietly(release);
            });
      }
      executor.execute(started::countDown);

      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      executor.shutdownNow();
    }
  }

  @Test
  void theConnectionCapBoundsThePlatformThreadsWithRoomForConnectionsBeingClosed() {
    assertThat(HandlerThreads.platformBound(512)).isEqualTo(528);
    assertThat(HandlerThreads.platformBound(10)).isEqualTo(26);
    // An operator who lifted the cap still gets a bound on threads.
    assertThat(HandlerThreads.platformBound(-1)).isEqualTo(528);
  }

  @Test
  void pastItsBoundThePlatformPoolRefusesRatherThanRunOnTheAcceptingThread() {
    ThreadPoolExecutor pool = HandlerThreads.platform("test-http", 2);
    CountDownLatch release = new CountDownLatch(1);
    try {
      pool.execute(() -> awaitQuietly(release));
      pool.execute(() -> awaitQuietly(release));

      assertThatThrownBy(() -> pool.execute(() -> {}))
          .isInstanceOf(RejectedExecutionException.class);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void anIdlePlatformPoolKeepsNoThread() {
    ThreadPoolExecutor pool = HandlerThreads.platform("test-http", 2);
    try {
      assertThat(pool.getCorePoolSize()).isZero();
      assertThat(pool.getKeepAliveTime(TimeUnit.SECONDS)).isEqualTo(30);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
