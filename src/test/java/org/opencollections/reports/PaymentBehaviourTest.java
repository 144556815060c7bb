package org.opencollections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencollections.reports.BehaviourChangeRule.Verdict;

class PaymentBehaviourTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
  private final BehaviourChangeRule rule = new BehaviourChangeRule(10, 50, 3);

  private static Settlement settled(String due, int daysLate) {
    LocalDate dueDate = LocalDate.parse(due);
    return new Settlement(dueDate, dueDate.plusDays(daysLate));
  }

  /** The customer of docs/dashboard.md: about 5 days late for 9 months, then about 24. */
  private static final List<Settlement> LATELY_LATE = List.of(
      settled("2025-05-15", 5), settled("2025-07-15", 4), settled("2025-09-15", 6),
      settled("2025-11-14", 5), settled("2026-01-10", 22), settled("2026-02-10", 24),
      settled("2026-03-01", 26));

  @Test
  void averagesTheLast6And12Months() {
    PaymentBehaviour behaviour = PaymentBehaviour.of(AS_OF, LATELY_LATE, rule);

    assertThat(behaviour.last6Months()).isEqualTo(new DaysLate(4, new BigDecimal("19.3")));
    assertThat(behaviour.last12Months()).isEqualTo(new DaysLate(7, new BigDecimal("13.1")));
  }

  @Test
  void flagsTheSuddenChange() {
    PaymentBehaviour behaviour = PaymentBehaviour.of(AS_OF, LATELY_LATE, rule);

    assertThat(behaviour.change().flagged()).isTrue();
    assertThat(behaviour.change().recent()).isEqualTo(new DaysLate(3, new BigDecimal("24.0")));
    assertThat(behaviour.change().earlier()).isEqualTo(new DaysLate(4, new BigDecimal("5.0")));
  }

  @Test
  void theTrendHasTheLast12CalendarMonths() {
    PaymentBehaviour behaviour = PaymentBehaviour.of(AS_OF, LATELY_LATE, rule);

    assertThat(behaviour.trend()).extracting(PaymentBehaviour.Month::month)
        .startsWith(YearMonth.of(2025, 4)).endsWith(YearMonth.of(2026, 3)).hasSize(12);
    assertThat(behaviour.trend().get(11).daysLate())
        .isEqualTo(new DaysLate(2, new BigDecimal("25.0")));
    assertThat(behaviour.trend().get(0).daysLate()).isEqualTo(DaysLate.NONE);
  }

  @Test
  void earlyPaymentsCountAsOnTime() {
    PaymentBehaviour behaviour = PaymentBehaviour.of(AS_OF,
        List.of(settled("2026-03-20", -10), settled("2026-03-10", 6)), rule);

    assertThat(behaviour.last6Months()).isEqualTo(new DaysLate(2, new BigDecimal("3.0")));
  }

  @Test
  void theWindowsEndOnTheDateAndLeaveOutWhatCameAfter() {
    PaymentBehaviour behaviour = PaymentBehaviour.of(LocalDate.of(2026, 3, 15), List.of(
        settled("2026-03-01", 14), settled("2026-03-01", 15), settled("2025-03-01", 14),
        settled("2025-03-01", 15)), rule);

    // settled 2026-03-15 and 2025-03-16 count; 2026-03-16 is after the date, 2025-03-15 a year before
    assertThat(behaviour.last12Months().invoices()).isEqualTo(2);
    assertThat(behaviour.trend().get(11).daysLate().invoices()).isEqualTo(1);
  }

  @Test
  void aNewCustomerHasNoVerdict() {
    PaymentBehaviour behaviour = PaymentBehaviour.of(AS_OF, List.of(), rule);

    assertThat(behaviour.last12Months()).isEqualTo(DaysLate.NONE);
    assertThat(behaviour.change().verdict()).isEqualTo(Verdict.TOO_FEW_INVOICES);
  }
}
