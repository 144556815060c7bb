package org.opencollections.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencollections.OpenCollectionsApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One node of {@link ClusterIT}: the real application in a JVM of its own, started as
 * {@code java -jar} would start it, with two test-only changes. The application's clock and the
 * engine's tell the same shifted time (the real clock plus an offset, running, never frozen, so
 * job locks expire as they would), so every node of the test lives at the same moment of the
 * schedule. And the job executor's lock owner is the node's name, so the test sees which node holds
 * which job.
 *
 * <p>The test moves both clocks of a node by writing {@code offset <millis>} to its standard
 * input; {@code memory} makes it print its memory (the benchmark's nodes ask for it). The node
 * stops when its standard input closes: it never outlives the test.
 */
public final class ClusterNode {

  /** System property: the node's name, also its job executor's lock owner. */
  public static final String NAME = "cluster.node.name";
  /** System property: milliseconds added to the real time, on both clocks. */
  public static final String CLOCK_OFFSET = "cluster.node.clock-offset";
  /** Printed once the application has started. */
  public static final String READY = "Cluster node ready";
  /** Starts the line the node prints on {@code memory}. */
  public static final String MEMORY = "Node memory:";

  private ClusterNode() {
  }

  public static void main(String[] args) throws IOException {
    ClockUtil.offset(Long.getLong(CLOCK_OFFSET, 0L));
    sampleHeap();
    ConfigurableApplicationContext context =
        new SpringApplication(OpenCollectionsApplication.class, NodeConfiguration.class).run(args);
    System.out.println(READY + ": " + System.getProperty(NAME) + " at " + ClockUtil.getCurrentTime().toInstant());
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = commands.readLine(); line != null; line = commands.readLine()) {
      if (line.startsWith("offset ")) {
        ClockUtil.offset(Long.parseLong(line.substring("offset ".length()).trim()));
        System.out.println("Clock moved to " + ClockUtil.getCurrentTime().toInstant());
      } else if (line.equals("memory")) {
        System.out.println(memory());
      }
    }
    System.exit(SpringApplication.exit(context));
  }

  /** The most heap in use at once since the last {@code memory} line, sampled every 50 ms. */
  private static final AtomicLong HEAP_PEAK = new AtomicLong();

  private static void sampleHeap() {
    Thread sampler = new Thread(() -> {
      while (true) {
        HEAP_PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /**
   * The node's memory in one line: the most heap in use at once since the last such line, the heap
   * still in use after a full collection, its limit, and the process's resident memory now and at
   * its peak (from /proc/self/status).
   */
  static String memory() throws IOException {
    long peak = HEAP_PEAK.getAndSet(0);
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Path status = Path.of("/proc/self/status");
    List<String> lines = Files.exists(status) ? Files.readAllLines(status) : List.of();
    return "%s heapPeakMb=%d heapAfterGcMb=%d heapMaxMb=%d rssKb=%s rssPeakKb=%s".formatted(MEMORY,
        peak >> 20, live >> 20, Runtime.getRuntime().maxMemory() >> 20, procStatus(lines, "VmRSS:"),
        procStatus(lines, "VmHWM:"));
  }

  private static String procStatus(List<String> lines, String key) {
    return lines.stream().filter(line -> line.startsWith(key))
        .map(line -> line.substring(key.length()).replace("kB", "").strip()).findFirst().orElse("-1");
  }

  /**
   * Added to the application by {@link #main}. Deliberately not a {@code @Configuration}: other
   * tests scan this package and must not find it.
   */
  static class NodeConfiguration {

    /** The application's clock reads the engine's, so the two never disagree. */
    @Bean
    @Primary
    Clock engineClock() {
      return new EngineClock(ZoneId.systemDefault());
    }

    @Bean
    static BeanPostProcessor lockOwnerIsTheNodeName() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
          if (bean instanceof JobExecutor jobExecutor) {
            jobExecutor.setLockOwner(System.getProperty(NAME));
          }
          return bean;
        }
      };
    }
  }

  /** The engine's clock (the real time plus the offset) as a {@link Clock}. */
  private static final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineClock(other);
    }
  }
}
