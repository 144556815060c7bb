package org.opencollections.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Outbox extends JpaRepository<OutboxMail, Long> {

  Optional<OutboxMail> findByMailKey(String mailKey);

  List<OutboxMail> findByInvoiceNumberOrderByCreatedAtAscIdAsc(String invoiceNumber);

  /** The same mail by its kind and subject, for a mail about several invoices. */
  List<OutboxMail> findByKindAndSubjectOrderByIdAsc(String kind, String subject);
}
