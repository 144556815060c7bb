package org.opencollections.reports;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts receivable aging as of any date. An invoice counts on a date when it was issued by
 * then and not yet closed (settled or cancelled) on that day; what it owed is its amount less the
 * payments with a value date up to that day.
 *
 * <p>Read in three parts so that over a million invoices no invoice costs a look-up of its
 * payments unless it must: an invoice open today owed its balance plus what was paid after the
 * date (the application keeps its balance at the amount less all its payments), so those are
 * summed by the database straight from an index; the payments after the date are added to their
 * invoice's bucket; only invoices closed after the date are read one by one with their payments.
 */
@Service
public class AgingReport {

  private final JdbcTemplate jdbc;

  AgingReport(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The customer and currency of a line. */
  private record Key(String customerId, String currency) {
  }

  /** What a line adds up while the parts are read. */
  private static final class Sums {
    private AgingBuckets buckets = AgingBuckets.ZERO;
    private long invoices;
  }

  /** Its parts read one snapshot, so a payment recorded meanwhile is in all of them or in none. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Aging asOf(LocalDate date) {
    Map<Key, Sums> sums = new LinkedHashMap<>();
    addOpenInvoicesAtTheirBalance(date, sums);
    addPaymentsAfter(date, sums);
    addInvoicesClosedAfter(date, sums);
    return aging(date, sums);
  }

  /** Invoices still open today, issued by the date, at their balance: summed by bucket in SQL. */
  private void addOpenInvoicesAtTheirBalance(LocalDate date, Map<Key, Sums> sums) {
    LocalDate days30 = date.minusDays(30);
    LocalDate days60 = date.minusDays(60);
    LocalDate days90 = date.minusDays(90);
    jdbc.query("""
        select customer_id, currency, count(*) as invoices,
               sum(case when due_date >= ? then balance end) as current_amount,
               sum(case when due_date < ? and due_date >= ? then balance end) as days_1_30,
               sum(case when due_date < ? and due_date >= ? then balance end) as days_31_60,
               sum(case when due_date < ? and due_date >= ? then balance end) as days_61_90,
               sum(case when due_date < ? then balance end) as over_90
        from invoice
        where closed_on is null and issue_date <= ?
        group by customer_id, currency
        """, row -> {
          Sums line = line(sums, row);
          line.invoices += row.getLong("invoices");
          line.buckets = line.buckets.plus(new AgingBuckets(amount(row, "current_amount"),
              amount(row, "days_1_30"), amount(row, "days_31_60"), amount(row, "days_61_90"),
              amount(row, "over_90")));
        }, date, date, days30, days30, days60, days60, days90, days90, date);
  }

  /**
   * What was paid after the date on invoices still open today: it was still owed on the date.
   * Read from the smaller side, as the planner cannot tell which it is: the payments after the
   * date (none for today), or the open invoices issued by then (few for a date long ago).
   */
  private void addPaymentsAfter(LocalDate date, Map<Key, Sums> sums) {
    long openInvoices = sums.values().stream().mapToLong(line -> line.invoices).sum();
    long paymentsAfter = jdbc.queryForObject("""
        select count(*) from (select p.invoice_id from payment p where p.paid_on > ?
                              fetch first ? rows only) as later
        """, Long.class, date, openInvoices + 1);
    if (paymentsAfter == 0) {
      return;
    }
    // Each left join fixes which table is read first; the conditions on the invoice leave out the
    // rows without one, so both read as an inner join.
    String query = paymentsAfter <= openInvoices ? """
        select i.customer_id, i.currency, i.due_date, sum(p.amount) as paid
        from payment p left join invoice i on i.id = p.invoice_id
        where p.paid_on > ? and i.closed_on is null and i.issue_date <= ?
        group by i.customer_id, i.currency, i.due_date
        """ : """
        select i.customer_id, i.currency, i.due_date, sum(p.amount) as paid
        from invoice i left join payment p on p.invoice_id = i.id and p.paid_on > ?
        where i.closed_on is null and i.issue_date <= ?
        group by i.customer_id, i.currency, i.due_date
        having sum(p.amount) is not null
        """;
    jdbc.query(query, row -> {
      Sums line = line(sums, row);
      line.buckets = line.buckets.plus(daysPastDue(row, date), row.getBigDecimal("paid"));
    }, date, date);
  }

  /** Invoices settled or cancelled since the date: their amount less what was paid by then. */
  private void addInvoicesClosedAfter(LocalDate date, Map<Key, Sums> sums) {
    jdbc.query("""
        select i.customer_id, i.currency, i.due_date,
               i.amount - coalesce((select sum(p.amount) from payment p
                                    where p.invoice_id = i.id and p.paid_on <= ?), 0) as owed
        from invoice i
        where i.closed_on > ? and i.issue_date <= ?
        """, row -> {
          BigDecimal owed = row.getBigDecimal("owed");
          if (owed.signum() > 0) {
            Sums line = line(sums, row);
            line.invoices++;
            line.buckets = line.buckets.plus(daysPastDue(row, date), owed);
          }
        }, date, date, date);
  }

  private Aging aging(LocalDate date, Map<Key, Sums> sums) {
    Map<String, String> names = new HashMap<>();
    jdbc.query("select id, name from customer",
        row -> {
          names.put(row.getString("id"), row.getString("name"));
        });
    List<AgingLine> lines = new ArrayList<>();
    Map<String, AgingBuckets> totals = new TreeMap<>();
    sums.forEach((key, line) -> {
      lines.add(new AgingLine(key.customerId(), names.get(key.customerId()), key.currency(),
          line.invoices, line.buckets));
      totals.merge(key.currency(), line.buckets, AgingBuckets::plus);
    });
    lines.sort(Comparator.comparing(AgingLine::currency)
        .thenComparing((AgingLine line) -> line.buckets().total(), Comparator.reverseOrder())
        .thenComparing(AgingLine::customerId));
    return new Aging(date, List.copyOf(lines), totals);
  }

  private static Sums line(Map<Key, Sums> sums, ResultSet row) throws SQLException {
    return sums.computeIfAbsent(new Key(row.getString("customer_id"), row.getString("currency")),
        key -> new Sums());
  }

  private static long daysPastDue(ResultSet row, LocalDate date) throws SQLException {
    return ChronoUnit.DAYS.between(row.getObject("due_date", LocalDate.class), date);
  }

  private static BigDecimal amount(ResultSet row, String column) throws SQLException {
    BigDecimal amount = row.getBigDecimal(column);
    return amount == null ? BigDecimal.ZERO : amount;
  }
}
