package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencollections.dunning.LateCharges.Charge;
import org.opencollections.dunning.LateCharges.Debt;
import org.opencollections.dunning.LateCharges.InterestPeriod;
import org.opencollections.dunning.LateCharges.Kind;
import org.opencollections.dunning.LateCharges.PaymentMade;
import org.opencollections.dunning.LateCharges.Statement;

/**
 * Worked examples of late charges. Day interest = principal × rate / 100 / days in the year; each
 * period's exact sum is rounded half up to the currency's minor units, and the charge is the sum of
 * the rounded periods.
 */
class LateChargesTest {

  private static final BigDecimal EIGHT = new BigDecimal("8");

  private final LateCharges charges = new LateCharges(ReferenceRates.of(Map.of(
      "2026-H1", new BigDecimal("2.40"),
      "2026-H2", new BigDecimal("2.15"),
      "2027-H2", new BigDecimal("2.00"),
      "2028-H1", new BigDecimal("2.00"))));

  /** Statutory interest only, so each example isolates one kind of charge. */
  private final ChargeTerms interestOnly = new ChargeTerms(true, EIGHT, Map.of(), Map.of());

  private final ChargeTerms business = new ChargeTerms(true, EIGHT,
      Map.of("EUR", new BigDecimal("40"), "JPY", new BigDecimal("6000")),
      Map.of("EUR", new BigDecimal("5")));

  private static Debt eur(String amount, LocalDate due, PaymentMade... payments) {
    return new Debt(new BigDecimal(amount), "EUR", due, List.of(payments));
  }

  @Test
  void interestAcrossAHalfYearBoundaryUsesEachHalfYearsRate() {
    // EUR 1,500.00 due 2026-06-20, as of 2026-07-10, margin 8 points:
    //   2026-06-21..06-30, 10 days at 2.40 + 8 = 10.40%: 1500 × 10.40 × 10 / 100 / 365
    //     = 156000 / 36500 = 4.27397… → 4.27
    //   2026-07-01..07-10, 10 days at 2.15 + 8 = 10.15%: 1500 × 10.15 × 10 / 100 / 365
    //     = 152250 / 36500 = 4.17123… → 4.17
    //   charge = 4.27 + 4.17 = 8.44 (rounding the unsplit 8.44520… would give 8.45)
    Debt debt = eur("1500.00", LocalDate.of(2026, 6, 20));
    Statement statement =
        charges.charge(debt, 1, LocalDate.of(2026, 7, 10), interestOnly, false, List.of());

    assertThat(statement.newCharges()).containsExactly(new Charge(Kind.INTEREST, 1,
        new BigDecimal("8.44"), "EUR", LocalDate.of(2026, 7, 10),
        "10.40% a year (reference rate 2.40% + 8 points) on EUR 1,500.00 from 2026-06-21 to "
            + "2026-06-30, 10 days of 365: EUR 4.27; "
            + "10.15% a year (reference rate 2.15% + 8 points) on EUR 1,500.00 from 2026-07-01 to "
            + "2026-07-10, 10 days of 365: EUR 4.17",
        false));
    assertThat(statement.totalOwed()).isEqualTo(new BigDecimal("8.44"));
    assertThat(statement.currency()).isEqualTo("EUR");
  }

  @Test
  void exposesTheInterestPeriods() {
    // the same example as above, period by period
    Debt debt = eur("1500.00", LocalDate.of(2026, 6, 20));
    List<InterestPeriod> periods =
        charges.periods(debt, LocalDate.of(2026, 6, 20), LocalDate.of(2026, 7, 10), interestOnly);

    assertThat(periods).hasSize(2);
    InterestPeriod june = periods.get(0);
    assertThat(june.firstDay()).isEqualTo(LocalDate.of(2026, 6, 21));
    assertThat(june.lastDay()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(june.days()).isEqualTo(10);
    assertThat(june.yearDays()).isEqualTo(365);
    assertThat(june.principal()).isEqualByComparingTo("1500.00");
    assertThat(june.referenceRate()).isEqualByComparingTo("2.40");
    assertThat(june.rate()).isEqualByComparingTo("10.40");
    assertThat(june.interest()).isEqualTo(new BigDecimal("4.27"));
    InterestPeriod july = periods.get(1);
    assertThat(july.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(july.lastDay()).isEqualTo(LocalDate.of(2026, 7, 10));
    assertThat(july.rate()).isEqualByComparingTo("10.15");
    assertThat(july.interest()).isEqualTo(new BigDecimal("4.17"));
  }

  @Test
  void inALeapYearADayIsAThreeHundredSixtySixthOfTheYearlyRate() {
    // EUR 10,000.00 due 2028-02-20, as of 2028-03-01: 21..29 February (9 days) + 1 March = 10 days,
    // 2028-H1 rate 2.00 + 8 = 10.00%: 10000 × 10.00 × 10 / 100 / 366 = 1000000 / 36600
    //   = 27.32240… → 27.32 (dividing by 365 would give 27.40)
    Debt debt = eur("10000.00", LocalDate.of(2028, 2, 20));
    Statement statement =
        charges.charge(debt, 1, LocalDate.of(2028, 3, 1), interestOnly, false, List.of());

    Charge interest = statement.newCharges().get(0);
    assertThat(interest.amount()).isEqualTo(new BigDecimal("27.32"));
    assertThat(interest.explanation()).isEqualTo(
        "10.00% a year (reference rate 2.00% + 8 points) on EUR 10,000.00 from 2028-02-21 to "
            + "2028-03-01, 10 days of 366: EUR 27.32");
  }

  @Test
  void theNewYearStartsANewPeriodWhenTheYearLengthChanges() {
    // EUR 10,000.00 due 2027-12-26, as of 2028-01-05, 10.00% in both half-years (2.00 + 8):
    //   2027-12-27..12-31, 5 days of 365: 10000 × 10 × 5 / 36500 = 13.69863… → 13.70
    //   2028-01-01..01-05, 5 days of 366: 10000 × 10 × 5 / 36600 = 13.66120… → 13.66
    //   charge = 13.70 + 13.66 = 27.36
    Debt debt = eur("10000.00", LocalDate.of(2027, 12, 26));
    List<InterestPeriod> periods =
        charges.periods(debt, LocalDate.of(2027, 12, 26), LocalDate.of(2028, 1, 5), interestOnly);
    assertThat(periods).extracting(InterestPeriod::yearDays).containsExactly(365, 366);
    assertThat(periods).extracting(InterestPeriod::interest)
        .containsExactly(new BigDecimal("13.70"), new BigDecimal("13.66"));

    Statement statement =
        charges.charge(debt, 1, LocalDate.of(2028, 1, 5), interestOnly, false, List.of());
    assertThat(statement.newCharges().get(0).amount()).isEqualTo(new BigDecimal("27.36"));
  }

  @Test
  void aPartialPaymentLowersThePrincipalFromTheNextDay() {
    // EUR 1,500.00 due 2026-11-16; EUR 500.00 paid on 2026-11-26; as of 2026-12-06; 10.15%:
    //   2026-11-17..11-26 (the payment day still bears interest), 10 days on 1,500.00:
    //     1500 × 10.15 × 10 / 36500 = 4.17123… → 4.17
    //   2026-11-27..12-06, 10 days on 1,000.00: 1000 × 10.15 × 10 / 36500 = 2.78082… → 2.78
    //   charge = 4.17 + 2.78 = 6.95
    Debt debt = eur("1500.00", LocalDate.of(2026, 11, 16),
        new PaymentMade(LocalDate.of(2026, 11, 26), new BigDecimal("500.00")));
    Statement statement =
        charges.charge(debt, 1, LocalDate.of(2026, 12, 6), interestOnly, false, List.of());

    Charge interest = statement.newCharges().get(0);
    assertThat(interest.amount()).isEqualTo(new BigDecimal("6.95"));
    assertThat(interest.explanation()).isEqualTo(
        "10.15% a year (reference rate 2.15% + 8 points) on EUR 1,500.00 from 2026-11-17 to "
            + "2026-11-26, 10 days of 365: EUR 4.17; "
            + "10.15% a year (reference rate 2.15% + 8 points) on EUR 1,000.00 from 2026-11-27 to "
            + "2026-12-06, 10 days of 365: EUR 2.78");
  }

  @Test
  void paidInFullOneDayAfterTheDueDateOwesOneDayOfInterest() {
    // EUR 1,500.00 due 2026-11-16, paid in full 2026-11-17, as of 2026-12-01:
    //   only 2026-11-17 bears interest: 1500 × 10.15 × 1 / 36500 = 0.41712… → 0.42
    Debt debt = eur("1500.00", LocalDate.of(2026, 11, 16),
        new PaymentMade(LocalDate.of(2026, 11, 17), new BigDecimal("1500.00")));
    Statement statement =
        charges.charge(debt, 1, LocalDate.of(2026, 12, 1), interestOnly, false, List.of());

    assertThat(statement.newCharges()).singleElement().satisfies(interest -> {
      assertThat(interest.amount()).isEqualTo(new BigDecimal("0.42"));
      assertThat(interest.explanation()).endsWith(
          "from 2026-11-17 to 2026-11-17, 1 day of 365: EUR 0.42");
    });
  }

  @Test
  void noInterestWhenPaidOnTheDueDateOrNotYetOverdue() {
    Debt paidOnTime = eur("1500.00", LocalDate.of(2026, 11, 16),
        new PaymentMade(LocalDate.of(2026, 11, 16), new BigDecimal("1500.00")));
    assertThat(charges.charge(paidOnTime, 1, LocalDate.of(2026, 12, 1), interestOnly, false,
        List.of()).newCharges()).isEmpty();

    Debt notDue = eur("1500.00", LocalDate.of(2026, 11, 16));
    Statement statement =
        charges.charge(notDue, 1, LocalDate.of(2026, 11, 16), business, false, List.of());
    assertThat(statement.newCharges()).isEmpty();
    assertThat(statement.totalOwed()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void yenInterestAndCompensationHaveNoDecimals() {
    // JPY 1,234,567 due 2026-03-01, as of 2026-04-01: 2026-03-02..04-01 = 30 + 1 = 31 days,
    // 2.40 + 8 = 10.40%: 1234567 × 10.40 × 31 / 100 / 365 = 10904.778… → 10905 (no minor units)
    // fixed compensation JPY 6000; total = 10905 + 6000 = 16905
    Debt debt = new Debt(new BigDecimal("1234567"), "JPY", LocalDate.of(2026, 3, 1), List.of());
    Statement statement =
        charges.charge(debt, 1, LocalDate.of(2026, 4, 1), business, false, List.of());

    assertThat(statement.newCharges()).extracting(Charge::kind, Charge::amount).containsExactly(
        tuple(Kind.INTEREST, new BigDecimal("10905")),
        tuple(Kind.COMPENSATION, new BigDecimal("6000")));
    assertThat(statement.newCharges().get(0).explanation()).isEqualTo(
        "10.40% a year (reference rate 2.40% + 8 points) on JPY 1,234,567 from 2026-03-02 to "
            + "2026-04-01, 31 days of 365: JPY 10,905");
    assertThat(statement.newCharges().get(1).explanation()).isEqualTo(
        "Fixed compensation for recovery costs (Directive 2011/7/EU, Art. 6): JPY 6,000");
    assertThat(statement.totalOwed()).isEqualTo(new BigDecimal("16905"));
  }

  @Test
  void fixedCompensationIsChargedOncePerInvoice() {
    ChargeTerms compensationOnly =
        new ChargeTerms(false, EIGHT, Map.of("EUR", new BigDecimal("40")), Map.of());
    Debt debt = eur("1500.00", LocalDate.of(2026, 11, 16));

    // level 1, one day overdue: EUR 40 → 40.00
    Statement first =
        charges.charge(debt, 1, LocalDate.of(2026, 11, 17), compensationOnly, false, List.of());
    assertThat(first.newCharges()).containsExactly(new Charge(Kind.COMPENSATION, 1,
        new BigDecimal("40.00"), "EUR", null,
        "Fixed compensation for recovery costs (Directive 2011/7/EU, Art. 6): EUR 40.00", false));

    // level 2: already compensated, nothing new; still 40.00 owed
    Statement second =
        charges.charge(debt, 2, LocalDate.of(2026, 12, 1), compensationOnly, false, first.all());
    assertThat(second.newCharges()).isEmpty();
    assertThat(second.totalOwed()).isEqualTo(new BigDecimal("40.00"));

    // level 2 after the level-1 compensation was waived: still not charged again, nothing owed
    List<Charge> waived = List.of(first.newCharges().get(0).asWaived());
    Statement afterWaiver =
        charges.charge(debt, 2, LocalDate.of(2026, 12, 1), compensationOnly, false, waived);
    assertThat(afterWaiver.newCharges()).isEmpty();
    assertThat(afterWaiver.totalOwed()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void noCompensationOnTheDueDateItself() {
    Debt debt = eur("1500.00", LocalDate.of(2026, 11, 16));
    ChargeTerms compensationOnly =
        new ChargeTerms(false, EIGHT, Map.of("EUR", new BigDecimal("40")), Map.of());
    assertThat(charges.charge(debt, 1, LocalDate.of(2026, 11, 16), compensationOnly, false,
        List.of()).newCharges()).isEmpty();
  }

  @Test
  void aWaivedFeeStaysListedButIsNotOwed() {
    // level 1: compensation 40.00 and reminder fee 5.00, the fee later waived
    Charge compensation = new Charge(Kind.COMPENSATION, 1, new BigDecimal("40.00"), "EUR", null,
        "Fixed compensation for recovery costs (Directive 2011/7/EU, Art. 6): EUR 40.00", false);
    Charge waivedFee = new Charge(Kind.REMINDER_FEE, 1, new BigDecimal("5.00"), "EUR", null,
        "Reminder fee for reminder 1: EUR 5.00", true);
    ChargeTerms feeOnly = new ChargeTerms(false, EIGHT, Map.of("EUR", new BigDecimal("40")),
        Map.of("EUR", new BigDecimal("5")));
    Debt debt = eur("1500.00", LocalDate.of(2026, 11, 16));

    Statement statement = charges.charge(debt, 2, LocalDate.of(2026, 12, 1), feeOnly, true,
        List.of(compensation, waivedFee));

    // new at level 2: the 5.00 fee; owed: 40.00 + 5.00 (level 2) = 45.00, the waived 5.00 not
    Charge levelTwoFee = new Charge(Kind.REMINDER_FEE, 2, new BigDecimal("5.00"), "EUR", null,
        "Reminder fee for reminder 2: EUR 5.00", false);
    assertThat(statement.newCharges()).containsExactly(levelTwoFee);
    assertThat(statement.all()).containsExactly(compensation, waivedFee, levelTwoFee);
    assertThat(statement.totalOwed()).isEqualTo(new BigDecimal("45.00"));
  }

  @Test
  void chargingTheSameLevelTwiceAddsNothing() {
    // level 1 as of 2026-07-10: interest 8.44 (first example) + compensation 40.00 + fee 5.00
    Debt debt = eur("1500.00", LocalDate.of(2026, 6, 20));
    Statement first =
        charges.charge(debt, 1, LocalDate.of(2026, 7, 10), business, true, List.of());
    assertThat(first.newCharges()).extracting(Charge::kind)
        .containsExactly(Kind.INTEREST, Kind.COMPENSATION, Kind.REMINDER_FEE);
    assertThat(first.totalOwed()).isEqualTo(new BigDecimal("53.44"));

    // a retried job, a day later: nothing new, the same list and total
    Statement retried =
        charges.charge(debt, 1, LocalDate.of(2026, 7, 11), business, true, first.all());
    assertThat(retried.newCharges()).isEmpty();
    assertThat(retried.all()).isEqualTo(first.all());
    assertThat(retried.totalOwed()).isEqualTo(new BigDecimal("53.44"));
  }

  @Test
  void interestAtTheNextLevelCountsFromTheLastInterestCharge() {
    // level 1 through 2026-07-10: 8.44 (first example)
    // level 2 as of 2026-07-24: 2026-07-11..07-24 = 14 days at 10.15% on 1,500.00:
    //   1500 × 10.15 × 14 / 36500 = 5.83972… → 5.84; total = 8.44 + 5.84 = 14.28
    Debt debt = eur("1500.00", LocalDate.of(2026, 6, 20));
    Statement first =
        charges.charge(debt, 1, LocalDate.of(2026, 7, 10), interestOnly, false, List.of());
    Statement second =
        charges.charge(debt, 2, LocalDate.of(2026, 7, 24), interestOnly, false, first.all());

    assertThat(second.newCharges()).containsExactly(new Charge(Kind.INTEREST, 2,
        new BigDecimal("5.84"), "EUR", LocalDate.of(2026, 7, 24),
        "10.15% a year (reference rate 2.15% + 8 points) on EUR 1,500.00 from 2026-07-11 to "
            + "2026-07-24, 14 days of 365: EUR 5.84",
        false));
    assertThat(second.totalOwed()).isEqualTo(new BigDecimal("14.28"));

    // waiving the level-1 interest does not make its days chargeable again: 5.84 owed
    List<Charge> waived = List.of(first.newCharges().get(0).asWaived());
    Statement afterWaiver =
        charges.charge(debt, 2, LocalDate.of(2026, 7, 24), interestOnly, false, waived);
    assertThat(afterWaiver.newCharges()).extracting(Charge::amount)
        .containsExactly(new BigDecimal("5.84"));
    assertThat(afterWaiver.totalOwed()).isEqualTo(new BigDecimal("5.84"));
  }

  @Test
  void noStatutoryInterestWithoutItInTheTerms() {
    Debt debt = eur("1500.00", LocalDate.of(2026, 6, 20));
    Statement none =
        charges.charge(debt, 1, LocalDate.of(2026, 7, 10), ChargeTerms.none(), true, List.of());
    assertThat(none.newCharges()).isEmpty();
    assertThat(none.totalOwed()).isEqualTo(new BigDecimal("0.00"));

    ChargeTerms consumer = new ChargeTerms(false, EIGHT, Map.of(), Map.of("EUR", new BigDecimal("5")));
    Statement feeOnly = charges.charge(debt, 1, LocalDate.of(2026, 7, 10), consumer, true, List.of());
    assertThat(feeOnly.newCharges()).extracting(Charge::kind).containsExactly(Kind.REMINDER_FEE);
  }

  @Test
  void aReminderFeeOnlyWhereTheContractAllowsIt() {
    Debt debt = eur("1500.00", LocalDate.of(2026, 11, 16));
    ChargeTerms feeTerms = new ChargeTerms(false, EIGHT, Map.of(), Map.of("EUR", new BigDecimal("5")));

    assertThat(charges.charge(debt, 2, LocalDate.of(2026, 12, 1), feeTerms, false, List.of())
        .newCharges()).isEmpty();
    assertThat(charges.charge(debt, 2, LocalDate.of(2026, 12, 1), feeTerms, true, List.of())
        .newCharges()).containsExactly(new Charge(Kind.REMINDER_FEE, 2, new BigDecimal("5.00"),
            "EUR", null, "Reminder fee for reminder 2: EUR 5.00", false));
    // agreed, but no fee configured for the invoice's currency
    Debt inYen = new Debt(new BigDecimal("5000"), "JPY", LocalDate.of(2026, 11, 16), List.of());
    assertThat(charges.charge(inYen, 2, LocalDate.of(2026, 12, 1), feeTerms, true, List.of())
        .newCharges()).isEmpty();
  }

  @Test
  void aMissingReferenceRateStopsTheCharge() {
    // interest runs into 2027-H1, which has no rate configured
    Debt debt = eur("1500.00", LocalDate.of(2026, 12, 20));
    assertThatThrownBy(() ->
        charges.charge(debt, 1, LocalDate.of(2027, 1, 10), interestOnly, false, List.of()))
        .isInstanceOf(MissingReferenceRateException.class)
        .hasMessage("No reference rate configured for 2027-H1 (collections.charges.reference-rates)");
  }

  @Test
  void rejectsABadLevelAMissingDayAndAnUnknownCurrency() {
    Debt debt = eur("1500.00", LocalDate.of(2026, 11, 16));
    assertThatThrownBy(() ->
        charges.charge(debt, 0, LocalDate.of(2026, 12, 1), interestOnly, false, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The dunning level must be 1 or more, was 0");
    assertThatThrownBy(() -> charges.charge(debt, 1, null, interestOnly, false, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Charges need the day they are computed for");
    assertThatThrownBy(() ->
        new Debt(new BigDecimal("10.00"), "XYZ", LocalDate.of(2026, 11, 16), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown currency code 'XYZ'");
  }

  @Test
  void chargeTermsRejectNegativeAmountsAndMargins() {
    assertThatThrownBy(() ->
        new ChargeTerms(false, EIGHT, Map.of(), Map.of("EUR", new BigDecimal("-5"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The reminder fee in EUR must be zero or more, was -5");
    assertThatThrownBy(() ->
        new ChargeTerms(true, EIGHT, Map.of("EUR", new BigDecimal("-40")), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The fixed compensation in EUR must be zero or more, was -40");
    assertThatThrownBy(() -> new ChargeTerms(true, new BigDecimal("-1"), Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The interest margin must be zero or more, was -1");
  }

  @Test
  void chargeTermsDefaultToTheDirectiveMarginAndEmptyAmounts() {
    ChargeTerms terms = new ChargeTerms(true, null, null, null);
    assertThat(terms.interestMargin()).isEqualByComparingTo("8");
    assertThat(terms.fixedCompensation()).isEmpty();
    assertThat(terms.reminderFee()).isEmpty();
    assertThat(ChargeTerms.none().statutoryInterest()).isFalse();
  }

  @Test
  void formatsAmountsInTheCurrencysMinorUnits() {
    assertThat(LateCharges.format(new BigDecimal("1500"), "EUR")).isEqualTo("EUR 1,500.00");
    assertThat(LateCharges.format(new BigDecimal("1234567"), "JPY")).isEqualTo("JPY 1,234,567");
  }
}
