package org.opencollections.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Facts about ISO 4217 currencies that requests are checked against. */
public final class Money {

  private Money() {
  }

  /** A real ISO 4217 currency with minor units (so not XXX, XTS and the like). */
  public static boolean isKnownCurrency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether the amount has no more decimals than the currency has minor units (JPY none, EUR two). */
  public static boolean fitsCurrency(BigDecimal amount, String code) {
    int digits = Currency.getInstance(code).getDefaultFractionDigits();
    return amount.stripTrailingZeros().scale() <= digits;
  }

  /** The amount with exactly the currency's minor units, as it is shown and exchanged (12.50 EUR, 1250 JPY). */
  public static BigDecimal scaled(BigDecimal amount, String code) {
    return amount == null ? null : amount.setScale(fractionDigits(code), RoundingMode.UNNECESSARY);
  }

  /** The amount with its currency, as pages and notes write it: {@code 1250.00 EUR}. */
  public static String text(BigDecimal amount, String code) {
    return scaled(amount, code).toPlainString() + " " + code;
  }

  public static int fractionDigits(String code) {
    return Currency.getInstance(code).getDefaultFractionDigits();
  }
}
