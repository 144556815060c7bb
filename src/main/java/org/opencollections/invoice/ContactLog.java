package org.opencollections.invoice;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactLog extends JpaRepository<ContactLogEntry, Long> {

  List<ContactLogEntry> findByInvoiceOrderByOccurredAtAscIdAsc(Invoice invoice);

  boolean existsByInvoiceAndChannelAndKindAndSubject(Invoice invoice, ContactLogEntry.Channel channel,
      String kind, String subject);

  Optional<ContactLogEntry> findFirstByInvoiceAndChannelOrderByOccurredAtDescIdDesc(Invoice invoice,
      ContactLogEntry.Channel channel);
}
