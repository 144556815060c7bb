package org.opencollections.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An invoice settled by payment: when it was due and the value date of the payment that settled it. */
record Settlement(LocalDate dueDate, LocalDate settledOn) {

  /**
   * Days after the due date. An early or punctual payment counts as 0, never as negative: paying
   * one invoice early does not make up for paying another late.
   */
  public long daysLate() {
    return Math.max(0, ChronoUnit.DAYS.between(dueDate, settledOn));
  }
}
