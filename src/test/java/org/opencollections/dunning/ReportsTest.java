package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 4, 8);
  private static final CallReport.Call CALL = new CallReport.Call(TODAY, List.of("INV-1", "INV-2"),
      new BigDecimal("1500.00"), 30);

  private static Map<String, Object> form(Object... keysAndValues) {
    Map<String, Object> form = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      form.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return form;
  }

  @Test
  void promiseToPayKeepsTheDateAndTheAmount() {
    CallReport report = CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY",
        CallReport.PROMISED_DATE, "2026-04-15", CallReport.PROMISED_AMOUNT, 500,
        CallReport.NOTE, "  Will pay Friday "), CALL);
    assertThat(report.outcome()).isEqualTo(CallOutcome.PROMISED_TO_PAY);
    assertThat(report.promisedDate()).isEqualTo(LocalDate.of(2026, 4, 15));
    assertThat(report.promisedAmount()).isEqualByComparingTo("500");
    assertThat(report.note()).isEqualTo("Will pay Friday");
  }

  @Test
  void aDateTimeFromTheFormKeepsItsDate() {
    assertThat(CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY", CallReport.PROMISED_DATE,
        "2026-04-15T00:00:00", CallReport.PROMISED_AMOUNT, "10.50"), CALL).promisedDate())
        .isEqualTo(LocalDate.of(2026, 4, 15));
  }

  @Test
  void promiseToPayNeedsADateNotPastAndAnAmountWithinTheBalance() {
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY",
        CallReport.PROMISED_AMOUNT, 10), CALL))
        .isInstanceOf(InvalidReportException.class).hasMessageContaining("needs the date");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY",
        CallReport.PROMISED_DATE, "2026-04-07", CallReport.PROMISED_AMOUNT, 10), CALL))
        .hasMessageContaining("2026-04-07 is in the past");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY",
        CallReport.PROMISED_DATE, "next week", CallReport.PROMISED_AMOUNT, 10), CALL))
        .hasMessageContaining("is not a date");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY",
        CallReport.PROMISED_DATE, "2026-04-15"), CALL))
        .hasMessageContaining("needs the amount");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY",
        CallReport.PROMISED_DATE, "2026-04-15", CallReport.PROMISED_AMOUNT, "1500.01"), CALL))
        .hasMessage("The promised amount 1500.01 is more than the open balance of 1500.00.");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY",
        CallReport.PROMISED_DATE, "2026-04-15", CallReport.PROMISED_AMOUNT, 0), CALL))
        .hasMessageContaining("more than zero");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY",
        CallReport.PROMISED_DATE, "2026-05-09", CallReport.PROMISED_AMOUNT, 10), CALL))
        .hasMessage("The promised payment date 2026-05-09 is more than 30 days away.");
    assertThat(CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY",
        CallReport.PROMISED_DATE, "2026-05-08", CallReport.PROMISED_AMOUNT, 10), CALL).promisedDate())
        .isEqualTo(LocalDate.of(2026, 5, 8));
  }

  @Test
  void inDifferentCurrenciesAnyPositiveAmountMayBePromised() {
    var mixed = new CallReport.Call(TODAY, List.of("INV-1", "INV-2"), null, 30);
    assertThat(CallReport.of(form(CallReport.OUTCOME, "PROMISED_TO_PAY", CallReport.PROMISED_DATE,
        "2026-04-15", CallReport.PROMISED_AMOUNT, 99999), mixed).promisedAmount())
        .isEqualByComparingTo("99999");
  }

  @Test
  void aDisputeNamesItsReasonAndInvoicesOfTheCall() {
    CallReport report = CallReport.of(form(CallReport.OUTCOME, "DISPUTED", CallReport.DISPUTE_REASON,
        "Goods damaged", CallReport.DISPUTED_INVOICES, List.of("INV-2")), CALL);
    assertThat(report.disputedInvoices()).containsExactly("INV-2");
    assertThat(report.disputeReason()).isEqualTo("Goods damaged");

    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "DISPUTED",
        CallReport.DISPUTED_INVOICES, List.of("INV-2")), CALL))
        .hasMessage("The reason for the dispute is required.");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "DISPUTED",
        CallReport.DISPUTE_REASON, "x"), CALL))
        .hasMessage("Tick the invoices the customer disputes.");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "DISPUTED",
        CallReport.DISPUTE_REASON, "x", CallReport.DISPUTED_INVOICES, List.of("INV-9")), CALL))
        .hasMessage("Invoice INV-9 is not part of this call.");
  }

  @Test
  void aCallAboutOneInvoiceDisputesThatOne() {
    var single = new CallReport.Call(TODAY, List.of("INV-1"), BigDecimal.TEN, 30);
    assertThat(CallReport.of(form(CallReport.OUTCOME, "DISPUTED", CallReport.DISPUTE_REASON, "x"),
        single).disputedInvoices()).containsExactly("INV-1");
  }

  @Test
  void theRightContactNeedsANameAndAPhoneOrAnEmail() {
    CallReport report = CallReport.of(form(CallReport.OUTCOME, "WRONG_CONTACT",
        CallReport.CONTACT_NAME, "Per Holm", CallReport.CONTACT_PHONE, "+46 8 111 22 33"), CALL);
    assertThat(report.newContact()).isEqualTo(new CallReport.Contact("Per Holm", "+46 8 111 22 33", null));

    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "WRONG_CONTACT",
        CallReport.CONTACT_NAME, "Per Holm"), CALL)).hasMessageContaining("phone number or e-mail");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "WRONG_CONTACT",
        CallReport.CONTACT_NAME, "Per\r\nBcc: x@y.z", CallReport.CONTACT_EMAIL, "per@holm.example"), CALL))
        .hasMessageContaining("line breaks");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "WRONG_CONTACT",
        CallReport.CONTACT_NAME, "Per", CallReport.CONTACT_EMAIL, "per at holm"), CALL))
        .hasMessageContaining("is not an e-mail address");
  }

  @Test
  void aReportedPaymentNeedsADateNotInTheFutureAndAReference() {
    CallReport report = CallReport.of(form(CallReport.OUTCOME, "ALREADY_PAID",
        CallReport.PAID_ON, "2026-04-07", CallReport.PAYMENT_REFERENCE, "BANK-9"), CALL);
    assertThat(report.paidOn()).isEqualTo(LocalDate.of(2026, 4, 7));
    assertThat(report.paymentReference()).isEqualTo("BANK-9");

    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "ALREADY_PAID",
        CallReport.PAID_ON, "2026-04-09", CallReport.PAYMENT_REFERENCE, "BANK-9"), CALL))
        .hasMessageContaining("in the future");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "ALREADY_PAID",
        CallReport.PAID_ON, "2026-04-07"), CALL)).hasMessage("The payment reference is required.");
  }

  @Test
  void noAnswerNeedsNothingMore() {
    assertThat(CallReport.of(form(CallReport.OUTCOME, "NO_ANSWER", CallReport.PROMISED_DATE,
        "2026-04-15"), CALL).promisedDate()).isNull();
  }

  @Test
  void theOutcomeMustBeOneOfTheChoices() {
    assertThatThrownBy(() -> CallReport.of(form(), CALL)).hasMessage("The call outcome is required.");
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "MAYBE"), CALL))
        .hasMessageContaining("'MAYBE' is not one of the offered choices");
  }

  @Test
  void aNoteHasALimit() {
    assertThatThrownBy(() -> CallReport.of(form(CallReport.OUTCOME, "NO_ANSWER", CallReport.NOTE,
        "x".repeat(2001)), CALL)).hasMessageContaining("longer than 2000");
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

  @Test
  void aFollowUpNeedsANote() {
    assertThat(FollowUpNote.of(" Called, no answer ").text()).isEqualTo("Called, no answer");
    assertThatThrownBy(() -> FollowUpNote.of("")).hasMessage("A note on what you did is required.");
  }

  @Test
  void aCreditHoldChangeNeedsACustomerAnActionAndAReason() {
    assertThat(HoldChangeRequest.of("C-1", "LIFT", "Paid in cash").action())
        .isEqualTo(HoldChangeRequest.Action.LIFT);
    assertThatThrownBy(() -> HoldChangeRequest.of(" ", "LIFT", "x")).hasMessage("The customer id is required.");
    assertThatThrownBy(() -> HoldChangeRequest.of("C-1", "PLACE", null)).hasMessage("The reason is required.");
  }

  @Test
  void theManagerWhoAskedForALiftCannotApproveIt() {
    assertThat(LiftApproval.of("APPROVE", "Agreed", "maria", "max").decision())
        .isEqualTo(LiftApproval.Decision.APPROVE);
    assertThatThrownBy(() -> LiftApproval.of("APPROVE", "Agreed", "maria", "maria"))
        .hasMessageContaining("a second manager must decide");
  }
}
