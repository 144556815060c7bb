package org.opencollections.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
  private final MeterRegistry meters;

  Delivering(Outbox outbox, Clock clock, MeterRegistry meters) {
    this.outbox = outbox;
    this.clock = clock;
    this.meters = meters;
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
    OutboxMail mail = outbox.findById(id).orElseThrow();
    mail.sent(clock.instant());
    count("collections.mails.sent", "Mails the SMTP server took", mail);
  }

  /** The SMTP server did not take the mail: it stays pending for the next try. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(long id, String error) {
    OutboxMail mail = outbox.findById(id).orElseThrow();
    mail.failed(error);
    count("collections.mails.failed", "Attempts the SMTP server refused (the mail waits in the outbox)", mail);
  }

  private void count(String name, String description, OutboxMail mail) {
    Counter.builder(name).description(description).tag("kind", mail.getKind()).register(meters).increment();
  }
}
