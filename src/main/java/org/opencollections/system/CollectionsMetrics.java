package org.opencollections.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.opencollections.dunning.DunningStage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures operations watch, for Prometheus at {@code /actuator/prometheus}. They are read from
 * the database, so every node of a cluster reports the whole cluster's figures:
 *
 * <ul>
 *   <li>{@code collections_cases_open{stage}}: open invoices per dunning stage (every stage is
 *   reported, 0 when empty, so a dashboard's series do not come and go);</li>
 *   <li>{@code collections_outbox_mails{status}}: mails waiting in the outbox (PENDING: the SMTP
 *   server did not take them yet; SENDING: being handed over, or left so by a node that died);</li>
 *   <li>{@code collections_incidents_open}: steps that failed all their retries and wait for a
 *   person in Cockpit;</li>
 *   <li>{@code collections_jobs_due}: the job executor's backlog, jobs due now that have retries
 *   left (timers, asynchronous steps and retries), whether or not a node has locked them yet.</li>
 * </ul>
 *
 * Mails sent and failed are counted where they happen ({@code collections_mails_sent_total},
 * {@code collections_mails_failed_total}, per node). A scrape reads the database at most once
 * per {@code collections.metrics.refresh} (5 seconds), however many gauges it asks for.
 */
@Component
class CollectionsMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final Clock clock;
  private final Duration refresh;
  private final Supplier<Figures> figures;

  CollectionsMetrics(JdbcTemplate jdbc, RuntimeService runtimeService,
      ManagementService managementService,
      @Value("${collections.metrics.refresh:PT5S}") Duration refresh) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    // the wall clock, not the application's: a scrape is about now, whatever day the tests set
    this.clock = Clock.systemUTC();
    this.refresh = refresh;
    this.figures = new Refreshing<>(this::read);
  }

  /** One reading of the database. */
  record Figures(Map<DunningStage, Long> openCases, Map<String, Long> outbox, long incidents,
      long jobsDue) {
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (DunningStage stage : DunningStage.values()) {
      if (stage == DunningStage.SETTLED || stage == DunningStage.CANCELLED) {
        continue;
      }
      Gauge.builder("collections.cases.open", figures, f -> f.get().openCases().getOrDefault(stage, 0L))
          .description("Open invoices in this dunning stage")
          .tag("stage", stage.name())
          .register(registry);
    }
    for (String status : new String[] {"PENDING", "SENDING"}) {
      Gauge.builder("collections.outbox.mails", figures, f -> f.get().outbox().getOrDefault(status, 0L))
          .description("Mails in the outbox not yet taken by the SMTP server")
          .tag("status", status)
          .register(registry);
    }
    Gauge.builder("collections.incidents.open", figures, f -> f.get().incidents())
        .description("Failed steps waiting for a person in Cockpit")
        .register(registry);
    Gauge.builder("collections.jobs.due", figures, f -> f.get().jobsDue())
        .description("Jobs due now with retries left: the job executor's backlog")
        .register(registry);
  }

  Figures read() {
    Map<DunningStage, Long> cases = new EnumMap<>(DunningStage.class);
    jdbc.query("select stage, count(*) as cases from invoice where status = 'OPEN' group by stage",
        row -> {
          try {
            cases.put(DunningStage.valueOf(row.getString("stage")), row.getLong("cases"));
          } catch (IllegalArgumentException unknownStage) {
            // a stage this version does not know: not reported
          }
        });
    Map<String, Long> outbox = new HashMap<>();
    jdbc.query("select status, count(*) as mails from outbox_mail where status <> 'SENT' group by status",
        row -> {
          outbox.put(row.getString("status"), row.getLong("mails"));
        });
    long incidents = runtimeService.createIncidentQuery().count();
    long jobsDue = managementService.createJobQuery().executable().count();
    return new Figures(cases, outbox, incidents, jobsDue);
  }

  /** The last reading, read again when older than the refresh interval. */
  private final class Refreshing<T> implements Supplier<T> {

    private final Supplier<T> source;
    private T value;
    private Instant readAt;

    Refreshing(Supplier<T> source) {
      this.source = source;
    }

    @Override
    public synchronized T get() {
      Instant now = clock.instant();
      if (readAt == null || !now.isBefore(readAt.plus(refresh))) {
        value = source.get();
        readAt = now;
      }
      return value;
    }
  }
}
