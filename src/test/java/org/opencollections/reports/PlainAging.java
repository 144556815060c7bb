package org.opencollections.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The aging by its definition, one invoice at a time: what it owed on the date is its amount less
 * the payments with a value date up to then. Slow on many invoices, plain to read: the tests and
 * the benchmark hold {@link AgingReport} against it.
 */
final class PlainAging {

  private final JdbcTemplate jdbc;

  PlainAging(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Aging asOf(LocalDate date) {
    record Key(String customerId, String currency) {
    }
    Map<Key, AgingBuckets> buckets = new LinkedHashMap<>();
    Map<Key, Long> counts = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.query("""
        select i.customer_id, c.name, i.currency, i.due_date,
               i.amount - coalesce((select sum(p.amount) from payment p
                                    where p.invoice_id = i.id and p.paid_on <= ?), 0) as outstanding
        from invoice i join customer c on c.id = i.customer_id
        where i.issue_date <= ? and (i.closed_on is null or i.closed_on > ?)
        """, row -> {
          BigDecimal outstanding = row.getBigDecimal("outstanding");
          if (outstanding.signum() <= 0) {
            return;
          }
          Key key = new Key(row.getString("customer_id"), row.getString("currency"));
          long daysPastDue = ChronoUnit.DAYS.between(row.getObject("due_date", LocalDate.class), date);
          buckets.merge(key, AgingBuckets.ZERO.plus(daysPastDue, outstanding), AgingBuckets::plus);
          counts.merge(key, 1L, Long::sum);
          names.put(key.customerId(), row.getString("name"));
        }, date, date, date);
    List<AgingLine> lines = new ArrayList<>();
    Map<String, AgingBuckets> totals = new TreeMap<>();
    buckets.forEach((key, amounts) -> {
      lines.add(new AgingLine(key.customerId(), names.get(key.customerId()), key.currency(),
          counts.get(key), amounts));
      totals.merge(key.currency(), amounts, AgingBuckets::plus);
    });
    lines.sort(Comparator.comparing(AgingLine::currency)
        .thenComparing((AgingLine line) -> line.buckets().total(), Comparator.reverseOrder())
        .thenComparing(AgingLine::customerId));
    return new Aging(date, List.copyOf(lines), totals);
  }
}
