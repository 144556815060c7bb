package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentPlanProposalTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final BigDecimal BALANCE = new BigDecimal("1500.00");
  private static final int MAX_DAYS = 366;

  private static Map<String, Object> form(Object... keysAndValues) {
    Map<String, Object> form = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      form.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return form;
  }

  /** Three instalments of 500.00 on 15 April, May and June 2026. */
  private static Map<String, Object> threeInstalments() {
    return form("invoiceNumber", "INV-1", "instalmentCount", "3",
        "dueOn1", "2026-04-15", "amount1", "500.00",
        "dueOn2", "2026-05-15", "amount2", "500.00",
        "dueOn3", "2026-06-15", "amount3", "500.00");
  }

  private static PaymentPlanProposal plan(Object... datesAndAmounts) {
    List<PaymentPlanProposal.Instalment> instalments = new ArrayList<>();
    for (int i = 0; i < datesAndAmounts.length; i += 2) {
      instalments.add(new PaymentPlanProposal.Instalment(i / 2 + 1,
          LocalDate.parse((String) datesAndAmounts[i]), new BigDecimal((String) datesAndAmounts[i + 1])));
    }
    return new PaymentPlanProposal("INV-1", instalments, null);
  }

  @Test
  void formWithTextValuesGivesTheInstalmentsInOrder() {
    Map<String, Object> form = threeInstalments();
    form.put("planNote", "  Agreed on the phone ");

    PaymentPlanProposal proposal = PaymentPlanProposal.of(form);

    assertThat(proposal.invoiceNumber()).isEqualTo("INV-1");
    assertThat(proposal.instalments()).extracting(PaymentPlanProposal.Instalment::number)
        .containsExactly(1, 2, 3);
    assertThat(proposal.instalments()).extracting(PaymentPlanProposal.Instalment::dueOn)
        .containsExactly(LocalDate.of(2026, 4, 15), LocalDate.of(2026, 5, 15), LocalDate.of(2026, 6, 15));
    assertThat(proposal.instalments()).extracting(PaymentPlanProposal.Instalment::amount)
        .containsExactly(new BigDecimal("500.00"), new BigDecimal("500.00"), new BigDecimal("500.00"));
    assertThat(proposal.note()).isEqualTo("Agreed on the phone");
  }

  @Test
  void formWithNumbersReadsTheCountAndTheAmounts() {
    PaymentPlanProposal proposal = PaymentPlanProposal.of(form("invoiceNumber", "INV-1",
        "instalmentCount", 2, "dueOn1", "2026-04-15", "amount1", 700,
        "dueOn2", "2026-05-15", "amount2", new BigDecimal("800.50")));

    assertThat(proposal.instalments()).hasSize(2);
    assertThat(proposal.instalments().get(0).amount()).isEqualByComparingTo("700");
    assertThat(proposal.instalments().get(1).amount()).isEqualByComparingTo("800.50");
    assertThat(proposal.note()).isNull();
  }

  @Test
  void fieldsBeyondTheCountAreIgnored() {
    Map<String, Object> form = threeInstalments();
    form.put("instalmentCount", "2");

    assertThat(PaymentPlanProposal.of(form).instalments()).hasSize(2);
  }

  @Test
  void formWithoutAnInvoiceNumberIsRefused() {
    Map<String, Object> form = threeInstalments();
    form.put("invoiceNumber", "  ");

    assertThatThrownBy(() -> PaymentPlanProposal.of(form))
        .isInstanceOf(InvalidReportException.class).hasMessage("The invoice number is required.");
  }

  @Test
  void formWithoutACountIsRefused() {
    Map<String, Object> form = threeInstalments();
    form.remove("instalmentCount");

    assertThatThrownBy(() -> PaymentPlanProposal.of(form))
        .isInstanceOf(InvalidReportException.class).hasMessage("The number of instalments is required.");
  }

  @Test
  void countOutsideTwoToSixIsRefused() {
    Map<String, Object> one = threeInstalments();
    one.put("instalmentCount", "1");
    Map<String, Object> seven = threeInstalments();
    seven.put("instalmentCount", 7);

    assertThatThrownBy(() -> PaymentPlanProposal.of(one))
        .isInstanceOf(InvalidReportException.class).hasMessage("A plan has 2 to 6 instalments, not 1.");
    assertThatThrownBy(() -> PaymentPlanProposal.of(seven))
        .isInstanceOf(InvalidReportException.class).hasMessage("A plan has 2 to 6 instalments, not 7.");
  }

  @Test
  void instalmentWithoutADateIsRefused() {
    Map<String, Object> form = threeInstalments();
    form.remove("dueOn2");

    assertThatThrownBy(() -> PaymentPlanProposal.of(form))
        .isInstanceOf(InvalidReportException.class).hasMessage("The date of instalment 2 is required.");
  }

  @Test
  void instalmentWithADateThatIsNoDateIsRefused() {
    Map<String, Object> form = threeInstalments();
    form.put("dueOn3", "mid June");

    assertThatThrownBy(() -> PaymentPlanProposal.of(form))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("The date of instalment 3 'mid June' is not a date (YYYY-MM-DD).");
  }

  @Test
  void instalmentOfZeroOrWithoutAnAmountIsRefused() {
    Map<String, Object> zero = threeInstalments();
    zero.put("amount3", "0.00");
    Map<String, Object> missing = threeInstalments();
    missing.remove("amount1");

    assertThatThrownBy(() -> PaymentPlanProposal.of(zero))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("The amount of instalment 3 must be more than zero.");
    assertThatThrownBy(() -> PaymentPlanProposal.of(missing))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("The amount of instalment 1 must be more than zero.");
  }

  @Test
  void instalmentsAddingUpToTheBalanceExactlyAreAccepted() {
    PaymentPlanProposal proposal = PaymentPlanProposal.of(threeInstalments());

    assertThatNoException().isThrownBy(() -> proposal.checkAgainst(BALANCE, "EUR", TODAY, MAX_DAYS));
    // 1500 and 1500.00 are the same balance
    assertThatNoException().isThrownBy(() -> proposal.checkAgainst(new BigDecimal("1500"), "EUR", TODAY, MAX_DAYS));
  }

  @Test
  void instalmentsNotAddingUpToTheBalanceAreRefusedNamingBothSums() {
    PaymentPlanProposal less = plan("2026-04-15", "500.00", "2026-05-15", "500.00", "2026-06-15", "400.00");
    PaymentPlanProposal more = plan("2026-04-15", "500.00", "2026-05-15", "1000.01");

    assertThatThrownBy(() -> less.checkAgainst(BALANCE, "EUR", TODAY, MAX_DAYS))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("The instalments add up to 1400.00 EUR but the open balance is 1500.00 EUR."
            + " They must add up to the balance exactly.");
    assertThatThrownBy(() -> more.checkAgainst(BALANCE, "EUR", TODAY, MAX_DAYS))
        .hasMessageStartingWith("The instalments add up to 1500.01 EUR but the open balance is 1500.00 EUR.");
  }

  @Test
  void firstInstalmentDueTodayOrEarlierIsRefused() {
    PaymentPlanProposal dueToday = plan("2026-03-02", "750.00", "2026-04-02", "750.00");

    assertThatThrownBy(() -> dueToday.checkAgainst(BALANCE, "EUR", TODAY, MAX_DAYS))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("The first instalment must be due after today (2026-03-02).");
  }

  @Test
  void instalmentDueOnOrBeforeTheOneBeforeIsRefused() {
    PaymentPlanProposal sameDay = plan("2026-04-15", "500.00", "2026-04-15", "500.00", "2026-06-15", "500.00");
    PaymentPlanProposal earlier = plan("2026-04-15", "500.00", "2026-06-15", "500.00", "2026-05-15", "500.00");

    assertThatThrownBy(() -> sameDay.checkAgainst(BALANCE, "EUR", TODAY, MAX_DAYS))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("Instalment 2 must be due after instalment 1 (2026-04-15).");
    assertThatThrownBy(() -> earlier.checkAgainst(BALANCE, "EUR", TODAY, MAX_DAYS))
        .hasMessage("Instalment 3 must be due after instalment 2 (2026-06-15).");
  }

  @Test
  void lastInstalmentBeyondTheLongestPlanIsRefused() {
    PaymentPlanProposal withinThirty = plan("2026-03-15", "750.00", "2026-04-01", "750.00");
    PaymentPlanProposal aDayTooLate = plan("2026-03-15", "750.00", "2026-04-02", "750.00");

    // 1 April 2026 is 30 days after 2 March: still within a plan of at most 30 days
    assertThatNoException().isThrownBy(() -> withinThirty.checkAgainst(BALANCE, "EUR", TODAY, 30));
    assertThatThrownBy(() -> aDayTooLate.checkAgainst(BALANCE, "EUR", TODAY, 30))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("The last instalment must be due within 30 days, by 2026-04-01.");
  }

  @Test
  void amountsWithMoreDecimalsThanTheCurrencyHasAreRefused() {
    PaymentPlanProposal yen = plan("2026-04-15", "5000.50", "2026-05-15", "4999.50");
    PaymentPlanProposal wholeYen = plan("2026-04-15", "5000", "2026-05-15", "5000.00");

    assertThatThrownBy(() -> yen.checkAgainst(new BigDecimal("10000"), "JPY", TODAY, MAX_DAYS))
        .isInstanceOf(InvalidReportException.class)
        .hasMessage("The amount of instalment 1 has more than 0 decimals for JPY.");
    assertThatNoException()
        .isThrownBy(() -> wholeYen.checkAgainst(new BigDecimal("10000"), "JPY", TODAY, MAX_DAYS));
  }
}
