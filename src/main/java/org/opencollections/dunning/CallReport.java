package org.opencollections.dunning;

import java.time.LocalDate;

/** What a clerk recorded about a collection call, checked before anything is stored. */
public record CallReport(CallOutcome outcome, LocalDate promisedDate, String note) {

  /**
   * Checks the submitted call form.
   *
   * @throws InvalidReportException with a message for the clerk when a value cannot be recorded
   */
  public static CallReport of(Object outcome, Object promisedDate, Object note, LocalDate today) {
    CallOutcome callOutcome = FormValues.choice(outcome, CallOutcome.class, "The call outcome");
    LocalDate promised = FormValues.date(promisedDate, "The promised payment date");
    if (callOutcome == CallOutcome.PROMISED_TO_PAY) {
      if (promised == null) {
        throw new InvalidReportException("A promise to pay needs the date the customer promised.");
      }
      if (promised.isBefore(today)) {
        throw new InvalidReportException("The promised payment date " + promised + " is in the past.");
      }
    } else {
      promised = null;
    }
    return new CallReport(callOutcome, promised, FormValues.note(note, "The note", false));
  }
}
