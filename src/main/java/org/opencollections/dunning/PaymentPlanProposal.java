package org.opencollections.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * A payment plan as a clerk or manager sets it up with the customer (form "Set up a payment
 * plan"): the open balance split into instalments, each with its date and amount.
 */
public record PaymentPlanProposal(String invoiceNumber, List<Instalment> instalments, String note) {

  public static final String INVOICE_NUMBER = "invoiceNumber";
  public static final String INSTALMENT_COUNT = "instalmentCount";
  public static final String NOTE = "planNote";
  public static final int MIN_INSTALMENTS = 2;
  public static final int MAX_INSTALMENTS = 6;

  /** One instalment: the n-th payment, due on a day. */
  public record Instalment(int number, LocalDate dueOn, BigDecimal amount) {
  }

  /** The form field of an instalment's date: {@code dueOn1}, {@code dueOn2}... */
  public static String dueOnField(int number) {
    return "dueOn" + number;
  }

  /** The form field of an instalment's amount: {@code amount1}, {@code amount2}... */
  public static String amountField(int number) {
    return "amount" + number;
  }

  /**
   * Reads the submitted form.
   *
   * @throws InvalidReportException naming the field that is missing or wrong
   */
  public static PaymentPlanProposal of(Map<String, Object> form) {
    String invoiceNumber = FormValues.text(form.get(INVOICE_NUMBER));
    if (invoiceNumber == null) {
      throw new InvalidReportException("The invoice number is required.");
    }
    Object countValue = form.get(INSTALMENT_COUNT);
    int count;
    try {
      count = countValue instanceof Number n ? n.intValue() : Integer.parseInt(FormValues.text(countValue));
    } catch (NumberFormatException | NullPointerException e) {
      throw new InvalidReportException("The number of instalments is required.");
    }
    if (count < MIN_INSTALMENTS || count > MAX_INSTALMENTS) {
      throw new InvalidReportException("A plan has " + MIN_INSTALMENTS + " to " + MAX_INSTALMENTS
          + " instalments, not " + count + ".");
    }
    List<Instalment> instalments = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      LocalDate dueOn = FormValues.date(form.get(dueOnField(i)), "The date of instalment " + i);
      BigDecimal amount = FormValues.amount(form.get(amountField(i)), "The amount of instalment " + i);
      if (dueOn == null) {
        throw new InvalidReportException("The date of instalment " + i + " is required.");
      }
      if (amount == null || amount.signum() <= 0) {
        throw new InvalidReportException("The amount of instalment " + i + " must be more than zero.");
      }
      instalments.add(new Instalment(i, dueOn, amount));
    }
    return new PaymentPlanProposal(invoiceNumber, List.copyOf(instalments),
        FormValues.note(form.get(NOTE), "The note", false));
  }

  /**
   * Checks the plan against the invoice: the instalments add up to the open balance exactly, in
   * the currency's units, on dates after today, one after the other, within {@code maxDays}.
   *
   * @throws InvalidReportException saying what does not fit
   */
  public void checkAgainst(BigDecimal balance, String currency, LocalDate today, int maxDays) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    BigDecimal total = BigDecimal.ZERO;
    LocalDate previous = today;
    for (Instalment instalment : instalments) {
      if (instalment.amount().stripTrailingZeros().scale() > digits) {
        throw new InvalidReportException("The amount of instalment " + instalment.number()
            + " has more than " + digits + " decimals for " + currency + ".");
      }
      if (!instalment.dueOn().isAfter(previous)) {
        throw new InvalidReportException(instalment.number() == 1
            ? "The first instalment must be due after today (" + today + ")."
            : "Instalment " + instalment.number() + " must be due after instalment "
                + (instalment.number() - 1) + " (" + previous + ").");
      }
      previous = instalment.dueOn();
      total = total.add(instalment.amount());
    }
    if (ChronoUnit.DAYS.between(today, previous) > maxDays) {
      throw new InvalidReportException("The last instalment must be due within " + maxDays
          + " days, by " + today.plusDays(maxDays) + ".");
    }
    if (total.compareTo(balance) != 0) {
      throw new InvalidReportException("The instalments add up to " + plain(total, digits) + " "
          + currency + " but the open balance is " + plain(balance, digits) + " " + currency
          + ". They must add up to the balance exactly.");
    }
  }

  private static String plain(BigDecimal amount, int digits) {
    return amount.setScale(Math.max(digits, amount.stripTrailingZeros().scale()),
        java.math.RoundingMode.UNNECESSARY).toPlainString();
  }
}
