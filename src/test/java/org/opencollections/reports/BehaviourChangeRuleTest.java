package org.opencollections.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.opencollections.reports.BehaviourChangeRule.BehaviourChange;
import org.opencollections.reports.BehaviourChangeRule.Verdict;

class BehaviourChangeRuleTest {

  private final BehaviourChangeRule rule = new BehaviourChangeRule(10, 50, 3);

  private static DaysLate late(int invoices, String average) {
    return new DaysLate(invoices, new BigDecimal(average));
  }

  @Test
  void flagsPaymentsMuchLaterThanBefore() {
    BehaviourChange change = rule.judge(late(3, "24.0"), late(4, "5.0"));

    assertThat(change.flagged()).isTrue();
    assertThat(change.explanation()).isEqualTo("Paid 24 days late on average in the last 3 months"
        + " (3 invoices), against 5 in the 9 months before (4 invoices).");
  }

  @Test
  void aFewDaysMoreOfAPunctualPayerIsNoAlarm() {
    // 400 % more, but only 8 days
    BehaviourChange change = rule.judge(late(5, "10.0"), late(5, "2.0"));

    assertThat(change.verdict()).isEqualTo(Verdict.STEADY);
    assertThat(change.explanation()).endsWith(": no sudden change.");
  }

  @Test
  void aFewPercentMoreOfALatePayerIsNoAlarm() {
    // 15 days more, but only 25 %
    BehaviourChange change = rule.judge(late(5, "75.0"), late(5, "60.0"));

    assertThat(change.verdict()).isEqualTo(Verdict.STEADY);
  }

  @Test
  void bothMarginsMustBeExceeded() {
    assertThat(rule.judge(late(3, "15.0"), late(3, "5.0")).flagged()).as("exactly 10 days").isFalse();
    assertThat(rule.judge(late(3, "30.0"), late(3, "20.0")).flagged()).as("exactly 50 %").isFalse();
    assertThat(rule.judge(late(3, "30.1"), late(3, "20.0")).flagged()).isTrue();
  }

  @Test
  void fromAlwaysOnTimeAnyIncreaseBeyondTheDaysCounts() {
    assertThat(rule.judge(late(3, "12.0"), late(3, "0.0")).flagged()).isTrue();
    assertThat(rule.judge(late(3, "0.0"), late(3, "0.0")).flagged()).isFalse();
  }

  @Test
  void tooFewInvoicesInEitherWindowIsNoVerdict() {
    BehaviourChange fewRecent = rule.judge(late(2, "40.0"), late(9, "2.0"));
    BehaviourChange fewEarlier = rule.judge(late(6, "40.0"), late(2, "2.0"));

    assertThat(fewRecent.verdict()).isEqualTo(Verdict.TOO_FEW_INVOICES);
    assertThat(fewRecent.explanation()).isEqualTo("Too few invoices settled to judge a change: 2 in"
        + " the last 3 months and 9 in the 9 months before; 3 needed in each.");
    assertThat(fewEarlier.verdict()).isEqualTo(Verdict.TOO_FEW_INVOICES);
    assertThat(rule.judge(DaysLate.NONE, DaysLate.NONE).flagged()).isFalse();
  }

  @Test
  void refusesMarginsThatMakeNoSense() {
    assertThatThrownBy(() -> new BehaviourChangeRule(10, 50, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BehaviourChangeRule(-1, 50, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
