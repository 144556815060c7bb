package org.opencollections.invoice;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Invoices extends JpaRepository<Invoice, Long> {

  Optional<Invoice> findByInvoiceNumber(String invoiceNumber);

  boolean existsByInvoiceNumber(String invoiceNumber);

  /** The invoices whose number has these letters and digits (see {@link CreditorReference#key}). */
  List<Invoice> findByReferenceKeyIn(Collection<String> referenceKeys);

  List<Invoice> findByCustomerIdAndStatusAndCurrency(String customerId, InvoiceStatus status,
      String currency);

  /** Open invoices with exactly this balance: who might have paid an amount without a reference. */
  List<Invoice> findTop10ByStatusAndCurrencyAndBalanceOrderByDueDateAsc(InvoiceStatus status,
      String currency, java.math.BigDecimal balance);

  List<Invoice> findByCustomerIdAndStatusOrderByDueDateAsc(String customerId, InvoiceStatus status);

  List<Invoice> findByInvoiceNumberIn(Collection<String> invoiceNumbers);

  /**
   * Reads the invoice and locks its row until the transaction ends, so that a payment and a
   * reminder for the same invoice never overlap: whichever comes second sees the first's result.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from Invoice i join fetch i.customer where i.invoiceNumber = :invoiceNumber")
  Optional<Invoice> lockByInvoiceNumber(@Param("invoiceNumber") String invoiceNumber);
}
