package org.opencollections.dunning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Whether a mail of the lifecycle should still go out when its moment has come. The moments
 * themselves are timers in the BPMN; these rules keep a late-posted or already-paid invoice from
 * getting mails that no longer fit.
 */
public final class DunningRules {

  /** A courtesy mail is not sent when the customer heard from us about the invoice this recently. */
  public static final int COURTESY_QUIET_DAYS = 2;

  private DunningRules() {
  }

  /**
   * Why the mail should not be sent now, or empty when it should.
   *
   * @param open whether the invoice still awaits payment (not settled, not cancelled)
   * @param lastMailOn the day the customer last got a mail about this invoice, or null
   */
  public static Optional<String> reasonToSkip(DunningMail mail, boolean open, LocalDate today,
      LocalDate dueDate, LocalDate lastMailOn) {
    if (mail == DunningMail.THANK_YOU) {
      return open ? Optional.of("the invoice is not settled") : Optional.empty();
    }
    if (!open) {
      return Optional.of("the invoice no longer awaits payment");
    }
    if (mail.isCourtesy()) {
      if (!today.isBefore(dueDate)) {
        return Optional.of("the invoice is already due");
      }
      if (lastMailOn != null && ChronoUnit.DAYS.between(lastMailOn, today) < COURTESY_QUIET_DAYS) {
        return Optional.of("the customer heard from us on " + lastMailOn);
      }
    }
    return Optional.empty();
  }

  /** Whole days past the due date; zero while the invoice is not overdue. */
  public static long daysOverdue(LocalDate dueDate, LocalDate today) {
    return Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
  }
}
