package org.opencollections.mail;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's own bookkeeping, each step committed at once in a transaction of its own, so what
 * was handed to the SMTP server is known even when the step that sends rolls back or the node dies.
 */
@Service
class Delivering {

  private final Outbox outbox;
  private final Clock clock;

  Delivering(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Records the mail (or its fresh rendering) and marks it as being handed over. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public OutboxMail claim(String mailKey, String invoiceNumber, String kind, OutgoingMail mail,
      String language) {
    OutboxMail row = outbox.findByMailKey(mailKey)
        .orElseGet(() -> new OutboxMail(mailKey, invoiceNumber, kind, mail, language, clock.instant()));
    if (row.getStatus() != OutboxMail.Status.PENDING) {
      throw new IllegalStateException("Mail " + mailKey + " is " + row.getStatus() + ", not pending");
    }
    row.render(mail);
    row.sending();
    return outbox.saveAndFlush(row);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void sent(long id) {
    outbox.findById(id).orElseThrow().sent(clock.instant());
  }

  /** The SMTP server did not take the mail: it stays pending for the next try. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(long id, String error) {
    outbox.findById(id).orElseThrow().failed(error);
  }
}
