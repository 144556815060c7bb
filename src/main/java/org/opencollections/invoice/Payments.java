package org.opencollections.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Payments extends JpaRepository<Payment, Long> {

  Optional<Payment> findByReference(String reference);

  List<Payment> findByInvoiceOrderByPaidOnAscIdAsc(Invoice invoice);

  /** Whether a payment was taken back: a later payment names it as the one it returns. */
  boolean existsByReturnsReference(String reference);

  /** The latest payments of an invoice first: which one a returned amount most likely was. */
  List<Payment> findByInvoiceInvoiceNumberOrderByPaidOnDescIdDesc(String invoiceNumber);

  /** What was paid for these invoices since a moment, such as the call in which payment was promised. */
  @Query("select coalesce(sum(p.amount), 0) from Payment p"
      + " where p.invoice.invoiceNumber in :invoiceNumbers and p.recordedAt >= :since")
  BigDecimal sumRecordedSince(@Param("invoiceNumbers") Collection<String> invoiceNumbers,
      @Param("since") Instant since);
}
