package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 4, 8);

  @Test
  void promiseToPayKeepsThePromisedDate() {
    CallReport report = CallReport.of("PROMISED_TO_PAY", "2026-04-15", "  Will pay Friday ", TODAY);
    assertThat(report.outcome()).isEqualTo(CallOutcome.PROMISED_TO_PAY);
    assertThat(report.promisedDate()).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(report.note()).isEqualTo("Will pay Friday");
  }

  @Test
  void aDateTimeFromTheFormKeepsItsDate() {
    assertThat(CallReport.of("PROMISED_TO_PAY", "2026-04-15T00:00:00", null, TODAY).promisedDate())
        .isEqualTo(LocalDate.of(2026, 4, 15));
  }

  @Test
  void promiseToPayNeedsADateThatIsNotPast() {
    assertThatThrownBy(() -> CallReport.of("PROMISED_TO_PAY", null, null, TODAY))
        .isInstanceOf(InvalidReportException.class).hasMessageContaining("needs the date");
    assertThatThrownBy(() -> CallReport.of("PROMISED_TO_PAY", "2026-04-07", null, TODAY))
        .hasMessageContaining("2026-04-07 is in the past");
    assertThatThrownBy(() -> CallReport.of("PROMISED_TO_PAY", "next week", null, TODAY))
        .hasMessageContaining("is not a date");
  }

  @Test
  void otherOutcomesIgnoreAPromisedDate() {
    assertThat(CallReport.of("NO_ANSWER", "2026-04-15", null, TODAY).promisedDate()).isNull();
  }

  @Test
  void theOutcomeMustBeOneOfTheChoices() {
    assertThatThrownBy(() -> CallReport.of(null, null, null, TODAY))
        .hasMessage("The call outcome is required.");
    assertThatThrownBy(() -> CallReport.of("MAYBE", null, null, TODAY))
        .hasMessageContaining("'MAYBE' is not one of the offered choices");
  }

  @Test
  void aNoteHasALimit() {
    assertThatThrownBy(() -> CallReport.of("NO_ANSWER", null, "x".repeat(2001), TODAY))
        .hasMessageContaining("longer than 2000");
  }

  @Test
  void aDisputeDecisionNeedsAReason() {
    assertThat(DisputeDecision.of("UPHELD", "Goods were damaged").resolution())
        .isEqualTo(DisputeDecision.Resolution.UPHELD);
    assertThatThrownBy(() -> DisputeDecision.of("REJECTED", " "))
        .hasMessage("The reason for the decision is required.");
  }

  @Test
  void aSalesRepWhoSaysTheCustomerWillPayGivesTheDate() {
    assertThat(SalesRepReport.of("WILL_PAY", "2026-04-20", null).expectedPaymentDate())
        .isEqualTo(LocalDate.of(2026, 4, 20));
    assertThatThrownBy(() -> SalesRepReport.of("WILL_PAY", null, null))
        .hasMessageContaining("date the customer will pay");
    assertThatThrownBy(() -> SalesRepReport.of("OTHER", null, null))
        .hasMessage("The note is required.");
  }
}
