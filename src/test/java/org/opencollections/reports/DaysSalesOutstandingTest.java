package org.opencollections.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencollections.reports.DaysSalesOutstanding.MonthSales;
import org.opencollections.reports.DaysSalesOutstanding.MonthUsed;

class DaysSalesOutstandingTest {

  private static MonthSales month(String month, String sales) {
    YearMonth yearMonth = YearMonth.parse(month);
    return new MonthSales(yearMonth, yearMonth.lengthOfMonth(), new BigDecimal(sales));
  }

  /** The worked example of docs/dashboard.md. */
  @Test
  void countsBackWholeMonthsAndAShareOfTheLast() {
    DaysSalesOutstanding dso = DaysSalesOutstanding.countback(new BigDecimal("25000.00"), List.of(
        month("2026-03", "10000.00"), month("2026-02", "12000.00"), month("2026-01", "9000.00"),
        month("2025-12", "50000.00")));

    assertThat(dso.days()).isEqualByComparingTo("69.3");
    assertThat(dso.beyondWindow()).isFalse();
    assertThat(dso.months()).extracting(MonthUsed::month, m -> m.daysCounted().toPlainString(),
            MonthUsed::whole)
        .containsExactly(
            tuple(YearMonth.of(2026, 3), "31.0", true),
            tuple(YearMonth.of(2026, 2), "28.0", true),
            tuple(YearMonth.of(2026, 1), "10.3", false));
    assertThat(dso.months().get(2).balanceLeft()).isEqualByComparingTo("3000.00");
  }

  @Test
  void theNewestMonthCountsOnlyItsDaysToDate() {
    var toDate = new MonthSales(YearMonth.of(2026, 3), 15, new BigDecimal("3000"));

    DaysSalesOutstanding dso = DaysSalesOutstanding.countback(new BigDecimal("2000"), List.of(toDate));

    assertThat(dso.days()).isEqualByComparingTo("10.0");
  }

  @Test
  void aBalanceEqualToTheNewestMonthsSalesIsThatMonthsDays() {
    DaysSalesOutstanding dso = DaysSalesOutstanding.countback(new BigDecimal("10000"),
        List.of(month("2026-03", "10000")));

    assertThat(dso.days()).isEqualByComparingTo("31.0");
    assertThat(dso.months()).singleElement().extracting(MonthUsed::whole).isEqualTo(true);
  }

  @Test
  void noBalanceIsNoDays() {
    DaysSalesOutstanding dso = DaysSalesOutstanding.countback(BigDecimal.ZERO,
        List.of(month("2026-03", "10000")));

    assertThat(dso.days()).isEqualByComparingTo("0");
    assertThat(dso.months()).isEmpty();
    assertThat(dso.beyondWindow()).isFalse();
  }

  @Test
  void aMonthWithoutSalesCountsAllItsDays() {
    DaysSalesOutstanding dso = DaysSalesOutstanding.countback(new BigDecimal("500"), List.of(
        month("2026-03", "0"), month("2026-02", "1000")));

    assertThat(dso.days()).isEqualByComparingTo("45.0");
  }

  @Test
  void aBalanceLargerThanAllSalesOfTheWindowSaysSo() {
    DaysSalesOutstanding dso = DaysSalesOutstanding.countback(new BigDecimal("5000"), List.of(
        month("2026-03", "1000"), month("2026-02", "1000")));

    assertThat(dso.beyondWindow()).isTrue();
    assertThat(dso.days()).isEqualByComparingTo("59.0");
    assertThat(dso.months()).hasSize(2);
  }
}
