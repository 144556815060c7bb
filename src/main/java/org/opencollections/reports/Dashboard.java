package org.opencollections.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opencollections.invoice.Money;
import org.opencollections.reports.DashboardFigures.OverduePoint;
import org.opencollections.reports.DashboardFigures.Promises;
import org.opencollections.reports.DashboardFigures.StageCases;
import org.opencollections.reports.DashboardFigures.StagePayments;
import org.opencollections.reports.DaysSalesOutstanding.MonthSales;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures of the collections dashboard on a date; see docs/dashboard.md for each definition. */
@Service
class Dashboard {

  private final JdbcTemplate jdbc;
  private final AgingReport agingReport;
  private final ZoneId zone;

  Dashboard(JdbcTemplate jdbc, AgingReport agingReport, Clock clock) {
    this.jdbc = jdbc;
    this.agingReport = agingReport;
    this.zone = clock.getZone();
  }

  /** The period payments and promises count over when none is asked for: the 12 months to the date. */
  public static LocalDate defaultFrom(LocalDate date) {
    return date.minusMonths(12).plusDays(1);
  }

  @Transactional(readOnly = true)
  public DashboardFigures on(LocalDate date, LocalDate from) {
    Aging aging = agingReport.asOf(date);
    return new DashboardFigures(date, from, daysSalesOutstanding(date, aging),
        overdueTrend(date, aging), casesPerStage(), paymentsPerStage(from, date),
        promises(from, date));
  }

  private Map<String, DaysSalesOutstanding> daysSalesOutstanding(LocalDate date, Aging aging) {
    YearMonth newest = YearMonth.from(date);
    LocalDate windowStart = newest.minusMonths(DaysSalesOutstanding.WINDOW_MONTHS - 1L).atDay(1);
    Map<String, Map<YearMonth, BigDecimal>> sales = new HashMap<>();
    // A credit note takes its invoice out of the sales, from the day it was cancelled.
    jdbc.query("""
        select currency, issue_date, sum(amount) as sales from invoice
        where issue_date >= ? and issue_date <= ? and (status <> 'CANCELLED' or closed_on > ?)
        group by currency, issue_date
        """, row -> {
          sales.computeIfAbsent(row.getString("currency"), currency -> new HashMap<>())
              .merge(YearMonth.from(row.getObject("issue_date", LocalDate.class)),
                  row.getBigDecimal("sales"), BigDecimal::add);
        }, windowStart, date, date);
    Map<String, DaysSalesOutstanding> dso = new TreeMap<>();
    TreeSet<String> currencies = new TreeSet<>(aging.totals().keySet());
    currencies.addAll(sales.keySet());
    for (String currency : currencies) {
      Map<YearMonth, BigDecimal> byMonth = sales.getOrDefault(currency, Map.of());
      List<MonthSales> months = new ArrayList<>();
      for (int back = 0; back < DaysSalesOutstanding.WINDOW_MONTHS; back++) {
        YearMonth month = newest.minusMonths(back);
        int days = back == 0 ? date.getDayOfMonth() : month.lengthOfMonth();
        months.add(new MonthSales(month, days,
            Money.scaled(byMonth.getOrDefault(month, BigDecimal.ZERO), currency)));
      }
      BigDecimal balance = aging.totals().getOrDefault(currency, AgingBuckets.ZERO).total();
      dso.put(currency, DaysSalesOutstanding.countback(Money.scaled(balance, currency), months));
    }
    return dso;
  }

  /** The month ends of the 12 months before the date's month, then the date itself. */
  private List<OverduePoint> overdueTrend(LocalDate date, Aging onTheDate) {
    List<Aging> agings = new ArrayList<>();
    for (int back = 12; back >= 1; back--) {
      agings.add(agingReport.asOf(YearMonth.from(date).minusMonths(back).atEndOfMonth()));
    }
    agings.add(onTheDate);
    TreeSet<String> currencies = new TreeSet<>();
    agings.forEach(aging -> currencies.addAll(aging.totals().keySet()));
    return agings.stream().map(aging -> {
      Map<String, BigDecimal> overdue = new TreeMap<>();
      currencies.forEach(currency -> overdue.put(currency, Money.scaled(
          aging.totals().getOrDefault(currency, AgingBuckets.ZERO).overdue(), currency)));
      return new OverduePoint(aging.asOf(), overdue);
    }).toList();
  }

  /** Stages are not kept per day, so this is today's picture whatever the date. */
  private List<StageCases> casesPerStage() {
    Tally cases = new Tally(Stages.IN_DUNNING_ORDER);
    jdbc.query("""
        select stage, currency, count(*) as invoices, sum(balance) as open_amount from invoice
        where status = 'OPEN' group by stage, currency
        """, row -> {
          cases.add(row.getString("stage"), row.getString("currency"), row.getLong("invoices"),
              row.getBigDecimal("open_amount"));
        });
    return cases.keys().stream().map(stage -> new StageCases(stage, Stages.label(stage),
        cases.count(stage), cases.amounts(stage))).toList();
  }

  private List<StagePayments> paymentsPerStage(LocalDate from, LocalDate to) {
    Tally payments = new Tally(Stages.IN_DUNNING_ORDER);
    jdbc.query("""
        select stage, currency, count(*) as payments, sum(amount) as amount from payment
        where paid_on >= ? and paid_on <= ? group by stage, currency
        """, row -> {
          payments.add(stageOrNotRecorded(row.getString("stage")), row.getString("currency"),
              row.getLong("payments"), row.getBigDecimal("amount"));
        }, from, to);
    Map<String, Long> settled = new HashMap<>();
    // The settling payment is the last one on the closing day; the same day's earlier ones only
    // helped.
    jdbc.query("""
        select p.stage, count(*) as settled from invoice i join payment p on p.invoice_id = i.id
        where i.status = 'PAID' and i.closed_on >= ? and i.closed_on <= ?
          and p.id = (select max(q.id) from payment q where q.invoice_id = i.id and q.paid_on = i.closed_on)
        group by p.stage
        """, row -> {
          settled.merge(stageOrNotRecorded(row.getString("stage")), row.getLong("settled"), Long::sum);
        }, from, to);
    return payments.keys().stream().map(stage -> new StagePayments(stage, Stages.label(stage),
        payments.count(stage), settled.getOrDefault(stage, 0L), payments.amounts(stage))).toList();
  }

  private static String stageOrNotRecorded(String stage) {
    return stage == null ? Stages.NOT_RECORDED : stage;
  }

  private Promises promises(LocalDate from, LocalDate to) {
    OffsetDateTime start = startOf(from);
    OffsetDateTime end = startOf(to.plusDays(1));
    Map<String, Long> checked = new HashMap<>();
    jdbc.query("""
        select outcome, count(*) as promises from contact_log
        where kind = 'PROMISE' and outcome in ('KEPT', 'BROKEN') and occurred_at >= ? and occurred_at < ?
        group by outcome
        """, row -> {
          checked.put(row.getString("outcome"), row.getLong("promises"));
        }, start, end);
    // Calls from before promise checks were recorded have no check line: the open invoice keeps
    // them out once it is paid or cancelled.
    Long pending = jdbc.queryForObject("""
        select count(*) from contact_log c join invoice i on i.id = c.invoice_id
        where c.kind = 'CALL' and c.outcome = 'PROMISED_TO_PAY' and c.occurred_at >= ? and c.occurred_at < ?
          and (i.closed_on is null or i.closed_on > ?)
          and not exists (select 1 from contact_log p where p.invoice_id = c.invoice_id
                          and p.kind = 'PROMISE' and p.occurred_at > c.occurred_at and p.occurred_at < ?)
        """, Long.class, start, end, to, end);
    long kept = checked.getOrDefault("KEPT", 0L);
    long broken = checked.getOrDefault("BROKEN", 0L);
    BigDecimal keptPercent = kept + broken == 0 ? null : BigDecimal.valueOf(kept * 100)
        .divide(BigDecimal.valueOf(kept + broken), 1, RoundingMode.HALF_UP);
    return new Promises(kept, broken, keptPercent, pending == null ? 0 : pending);
  }

  /** The first instant of a business day in the application's zone, as the log's timestamps are. */
  private OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }
}
