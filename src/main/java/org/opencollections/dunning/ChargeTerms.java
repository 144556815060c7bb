package org.opencollections.dunning;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a customer may be charged when an invoice is paid late.
 *
 * @param statutoryInterest whether statutory interest applies (business customers)
 * @param interestMargin percentage points over the reference rate (8 by Directive 2011/7/EU)
 * @param fixedCompensation the fixed compensation per overdue invoice, per currency code (EUR 40)
 * @param reminderFee the fee per reminder level, per currency code; charged only where the
 *     customer's contract allows it
 */
public record ChargeTerms(
    boolean statutoryInterest,
    BigDecimal interestMargin,
    Map<String, BigDecimal> fixedCompensation,
    Map<String, BigDecimal> reminderFee) {

  /** The directive's minimum margin over the reference rate, in percentage points. */
  public static final BigDecimal DIRECTIVE_MARGIN = BigDecimal.valueOf(8);

  public ChargeTerms {
    interestMargin = interestMargin == null ? DIRECTIVE_MARGIN : interestMargin;
    if (interestMargin.signum() < 0) {
      throw new IllegalArgumentException(
          "The interest margin must be zero or more, was " + interestMargin.toPlainString());
    }
    fixedCompensation = checked(fixedCompensation, "fixed compensation");
    reminderFee = checked(reminderFee, "reminder fee");
  }

  /** No interest, no compensation and no fee. */
  public static ChargeTerms none() {
    return new ChargeTerms(false, null, Map.of(), Map.of());
  }

  private static Map<String, BigDecimal> checked(Map<String, BigDecimal> amounts, String what) {
    if (amounts == null) {
      return Map.of();
    }
    amounts.forEach((currency, amount) -> {
      if (currency == null) {
        throw new IllegalArgumentException("The " + what + " needs a currency code, was null");
      }
      if (amount == null || amount.signum() < 0) {
        throw new IllegalArgumentException("The " + what + " in " + currency
            + " must be zero or more, was " + (amount == null ? "null" : amount.toPlainString()));
      }
    });
    return Map.copyOf(amounts);
  }
}
