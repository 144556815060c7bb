package org.opencollections.audit;

import java.time.Instant;

/**
 * One thing that happened to an invoice, as an auditor reads it.
 *
 * @param at when it happened
 * @param category what kind of thing it was, to filter by
 * @param title what happened, in a few words
 * @param detail the particulars: amounts, recipients, notes, reasons
 * @param actor who did it: a user id, {@code system} for the process, empty when not known
 * @param source where it is recorded, so an auditor can check it at the source
 * @param mailId the outbox mail whose content can be read, for mails
 */
public record HistoryEvent(Instant at, Category category, String title, String detail, String actor,
    Source source, Long mailId) {

  /** What kind of thing happened. */
  public enum Category { CASE, MAIL, LETTER, CALL, PROMISE, DISPUTE, CHARGE, PAYMENT, DISCOUNT, HOLD,
    PLAN, TASK, USER_ACTION, INCIDENT, DECISION }

  /** Where the event is recorded. */
  public enum Source {
    INVOICES("invoice"), CONTACT_LOG("contact log"), OUTBOX("mail outbox"), LATE_CHARGES("late charges"),
    PAYMENTS("payments"), CREDIT_HOLDS("credit holds"), ENGINE("process engine history");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  static HistoryEvent of(Instant at, Category category, String title, String detail, String actor,
      Source source) {
    return new HistoryEvent(at, category, title, detail, actor, source, null);
  }
}
