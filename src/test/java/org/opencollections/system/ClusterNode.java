package org.opencollections.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
 * input. The node stops when its standard input closes: it never outlives the test.
 */
public final class ClusterNode {

  /** System property: the node's name, also its job executor's lock owner. */
  public static final String NAME = "cluster.node.name";
  /** System property: milliseconds added to the real time, on both clocks. */
  public static final String CLOCK_OFFSET = "cluster.node.clock-offset";
  /** Printed once the application has started. */
  public static final String READY = "Cluster node ready";

  private ClusterNode() {
  }

  public static void main(String[] args) throws IOException {
    ClockUtil.offset(Long.getLong(CLOCK_OFFSET, 0L));
    ConfigurableApplicationContext context =
        new SpringApplication(OpenCollectionsApplication.class, NodeConfiguration.class).run(args);
    System.out.println(READY + ": " + System.getProperty(NAME) + " at " + ClockUtil.getCurrentTime().toInstant());
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = commands.readLine(); line != null; line = commands.readLine()) {
      if (line.startsWith("offset ")) {
        ClockUtil.offset(Long.parseLong(line.substring("offset ".length()).trim()));
        System.out.println("Clock moved to " + ClockUtil.getCurrentTime().toInstant());
      }
    }
    System.exit(SpringApplication.exit(context));
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
