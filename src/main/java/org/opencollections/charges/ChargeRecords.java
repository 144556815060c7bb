package org.opencollections.charges;

import java.util.List;
import java.util.Optional;
import org.opencollections.invoice.Invoice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChargeRecords extends JpaRepository<ChargeRecord, Long> {

  List<ChargeRecord> findByInvoiceOrderByLevelAscIdAsc(Invoice invoice);

  Optional<ChargeRecord> findByIdAndInvoice(Long id, Invoice invoice);
}
