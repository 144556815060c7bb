package org.opencollections.invoice;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Payments extends JpaRepository<Payment, Long> {

  Optional<Payment> findByReference(String reference);

  List<Payment> findByInvoiceOrderByPaidOnAscIdAsc(Invoice invoice);
}
