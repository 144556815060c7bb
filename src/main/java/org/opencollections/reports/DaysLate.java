package org.opencollections.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * How late a set of invoices was settled: how many, and their average days late (one decimal;
 * null when there are none).
 */
record DaysLate(int invoices, BigDecimal average) {

  public static final DaysLate NONE = new DaysLate(0, null);

  static DaysLate of(Collection<Settlement> settlements) {
    if (settlements.isEmpty()) {
      return NONE;
    }
    long total = settlements.stream().mapToLong(Settlement::daysLate).sum();
    return new DaysLate(settlements.size(), BigDecimal.valueOf(total)
        .divide(BigDecimal.valueOf(settlements.size()), 1, RoundingMode.HALF_UP));
  }
}
