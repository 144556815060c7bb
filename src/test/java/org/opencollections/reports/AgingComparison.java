package org.opencollections.reports;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Two agings compared by their amounts' values: 12.5 and 12.5000 are the same amount. */
final class AgingComparison {

  private AgingComparison() {
  }

  static boolean same(Aging one, Aging other) {
    return normalized(one).equals(normalized(other));
  }

  /** Every amount with four decimals, as the database keeps them. */
  static Aging normalized(Aging aging) {
    Map<String, AgingBuckets> totals = new TreeMap<>();
    aging.totals().forEach((currency, buckets) -> totals.put(currency, normalized(buckets)));
    return new Aging(aging.asOf(), aging.lines().stream()
        .map(line -> new AgingLine(line.customerId(), line.customerName(), line.currency(),
            line.invoices(), normalized(line.buckets())))
        .toList(), totals);
  }

  private static AgingBuckets normalized(AgingBuckets buckets) {
    return new AgingBuckets(four(buckets.current()), four(buckets.days1To30()),
        four(buckets.days31To60()), four(buckets.days61To90()), four(buckets.over90()));
  }

  private static BigDecimal four(BigDecimal amount) {
    return amount.setScale(4);
  }
}
