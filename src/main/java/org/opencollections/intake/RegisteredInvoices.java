package org.opencollections.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.opencollections.invoice.Invoice;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The terms of invoices already registered, to tell a row imported before from a conflicting one. */
interface RegisteredInvoices extends Repository<Invoice, Long> {

  /** What a row must repeat to count as the same invoice. */
  record Terms(String invoiceNumber, String customerId, BigDecimal amount, String currency,
      LocalDate issueDate, LocalDate dueDate) {
  }

  @Query("""
      select new org.opencollections.intake.RegisteredInvoices$Terms(i.invoiceNumber, i.customer.id,
             i.amount, i.currency, i.issueDate, i.dueDate)
      from Invoice i where i.invoiceNumber = :invoiceNumber""")
  Optional<Terms> findTerms(String invoiceNumber);
}
