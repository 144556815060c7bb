package org.opencollections.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A discount for paying early, e.g. 2% if paid within 10 days of the invoice date.
 *
 * @param percent the discount in percent of the invoice amount, more than 0 and less than 100
 * @param days the days after the issue date by which the discounted amount must be paid
 */
public record EarlyPaymentDiscount(BigDecimal percent, int days) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public EarlyPaymentDiscount {
    if (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0) {
      throw new IllegalArgumentException("The early payment discount must be more than 0% and less "
          + "than 100%, was " + (percent == null ? "null" : percent.toPlainString() + "%"));
    }
    if (days < 0) {
      throw new IllegalArgumentException(
          "The early payment period must be zero days or more, was " + days);
    }
  }

  /** The last day on which a payment counts towards the discounted amount. */
  public LocalDate deadline(LocalDate issueDate) {
    return Objects.requireNonNull(issueDate, "issueDate").plusDays(days);
  }

  /** The discount, rounded half up to the currency's minor units. */
  public BigDecimal discount(BigDecimal amount, String currency) {
    return LateCharges.round(amount.multiply(percent).divide(HUNDRED), currency);
  }

  /** The amount that settles the invoice if paid by the deadline. */
  public BigDecimal discountedAmount(BigDecimal amount, String currency) {
    return LateCharges.round(amount, currency).subtract(discount(amount, currency));
  }

  /** Whether the payments made on or before the deadline add up to the discounted amount. */
  public boolean settles(BigDecimal amount, String currency, LocalDate issueDate,
      List<LateCharges.PaymentMade> payments) {
    LocalDate deadline = deadline(issueDate);
    BigDecimal paidInTime = payments.stream()
        .filter(payment -> !payment.paidOn().isAfter(deadline))
        .map(LateCharges.PaymentMade::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return paidInTime.compareTo(discountedAmount(amount, currency)) >= 0;
  }
}
