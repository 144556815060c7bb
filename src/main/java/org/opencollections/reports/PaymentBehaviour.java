package org.opencollections.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.opencollections.reports.BehaviourChangeRule.BehaviourChange;

/**
 * How late a customer pays, as of a date: the average days late of the invoices settled by
 * payment in the last 6 and 12 months (windows ending on the date), the average of each calendar
 * month of the last 12, and whether the last 3 months are suddenly worse than the 9 before.
 */
record PaymentBehaviour(LocalDate asOf, DaysLate last6Months, DaysLate last12Months,
    List<Month> trend, BehaviourChange change) {

  /** The invoices settled in one calendar month (up to the date for the newest). */
  public record Month(YearMonth month, DaysLate daysLate) {
  }

  public static PaymentBehaviour of(LocalDate asOf, Collection<Settlement> settlements,
      BehaviourChangeRule rule) {
    List<Month> trend = new ArrayList<>();
    YearMonth newest = YearMonth.from(asOf);
    for (int back = 11; back >= 0; back--) {
      YearMonth month = newest.minusMonths(back);
      trend.add(new Month(month, DaysLate.of(settlements.stream()
          .filter(s -> YearMonth.from(s.settledOn()).equals(month) && !s.settledOn().isAfter(asOf))
          .toList())));
    }
    int recentAndEarlier = BehaviourChangeRule.RECENT_MONTHS + BehaviourChangeRule.EARLIER_MONTHS;
    DaysLate recent = within(settlements, asOf, 0, BehaviourChangeRule.RECENT_MONTHS);
    DaysLate earlier = within(settlements, asOf, BehaviourChangeRule.RECENT_MONTHS, recentAndEarlier);
    return new PaymentBehaviour(asOf, within(settlements, asOf, 0, 6), within(settlements, asOf, 0, 12),
        List.copyOf(trend), rule.judge(recent, earlier));
  }

  /** Settled after the date {@code toMonthsBack} months back, up to the date {@code fromMonthsBack} months back. */
  private static DaysLate within(Collection<Settlement> settlements, LocalDate asOf,
      int fromMonthsBack, int toMonthsBack) {
    LocalDate last = asOf.minusMonths(fromMonthsBack);
    LocalDate after = asOf.minusMonths(toMonthsBack);
    return DaysLate.of(settlements.stream()
        .filter(s -> s.settledOn().isAfter(after) && !s.settledOn().isAfter(last))
        .toList());
  }
}
