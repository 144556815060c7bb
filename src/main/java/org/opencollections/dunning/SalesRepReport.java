package org.opencollections.dunning;

import java.time.LocalDate;

/** What the sales rep reports back after contacting a customer about an overdue invoice. */
public record SalesRepReport(Outcome outcome, LocalDate expectedPaymentDate, String note) {

  public enum Outcome { WILL_PAY, DISPUTES, NOT_REACHED, OTHER }

  public static SalesRepReport of(Object outcome, Object expectedPaymentDate, Object note) {
    Outcome reported = FormValues.choice(outcome, Outcome.class, "The outcome");
    LocalDate expected = FormValues.date(expectedPaymentDate, "The expected payment date");
    if (reported == Outcome.WILL_PAY && expected == null) {
      throw new InvalidReportException("Please give the date the customer will pay.");
    }
    return new SalesRepReport(reported, reported == Outcome.WILL_PAY ? expected : null,
        FormValues.note(note, "The note", reported == Outcome.OTHER));
  }
}
