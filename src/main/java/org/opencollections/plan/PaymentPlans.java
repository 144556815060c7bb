package org.opencollections.plan;

import java.util.Optional;
import org.opencollections.invoice.Invoice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentPlans extends JpaRepository<PaymentPlan, Long> {

  Optional<PaymentPlan> findFirstByInvoiceAndStatus(Invoice invoice, PaymentPlan.Status status);

  /** The plan that runs for the invoice now, if any. */
  default Optional<PaymentPlan> running(Invoice invoice) {
    return findFirstByInvoiceAndStatus(invoice, PaymentPlan.Status.RUNNING);
  }
}
