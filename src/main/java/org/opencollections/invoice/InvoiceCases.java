package org.opencollections.invoice;

import org.opencollections.dunning.DunningRules;
import org.opencollections.dunning.Schedule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads an invoice's case for the API: balance, stage, payments and every contact made. */
@Service
public class InvoiceCases {

  private final Invoices invoices;
  private final Payments payments;
  private final ContactLog contactLog;
  private final Schedule schedule;

  InvoiceCases(Invoices invoices, Payments payments, ContactLog contactLog, Schedule schedule) {
    this.invoices = invoices;
    this.payments = payments;
    this.contactLog = contactLog;
    this.schedule = schedule;
  }

  @Transactional(readOnly = true)
  public InvoiceCase find(String invoiceNumber) {
    return invoices.findByInvoiceNumber(invoiceNumber)
        .map(this::toCase)
        .orElseThrow(() -> new InvoiceNotFoundException(invoiceNumber));
  }

  @Transactional(readOnly = true)
  public InvoiceCase toCase(Invoice invoice) {
    long daysOverdue = invoice.isOpen()
        ? DunningRules.daysOverdue(invoice.getDueDate(), schedule.today()) : 0;
    return new InvoiceCase(
        invoice.getInvoiceNumber(),
        invoice.getStatus(),
        invoice.getStage(),
        Money.scaled(invoice.getAmount(), invoice.getCurrency()),
        invoice.getCurrency(),
        Money.scaled(invoice.getBalance(), invoice.getCurrency()),
        invoice.getIssueDate(),
        invoice.getDueDate(),
        daysOverdue,
        CreditorReference.forInvoice(invoice.getInvoiceNumber()).map(CreditorReference::value).orElse(null),
        invoice.getEarlyPaymentDiscount().map(terms -> new InvoiceCase.DiscountView(
            terms.percent(), terms.days(), terms.deadline(invoice.getIssueDate()),
            Money.scaled(terms.discountedAmount(invoice.getAmount(), invoice.getCurrency()),
                invoice.getCurrency()))).orElse(null),
        Money.scaled(invoice.getDiscountGranted(), invoice.getCurrency()),
        InvoiceCase.CustomerView.of(invoice.getCustomer()),
        invoice.getProcessInstanceId(),
        payments.findByInvoiceOrderByPaidOnAscIdAsc(invoice).stream()
            .map(InvoiceCase.PaymentView::of).toList(),
        contactLog.findByInvoiceOrderByOccurredAtAscIdAsc(invoice).stream()
            .map(InvoiceCase.ContactView::of).toList());
  }
}
