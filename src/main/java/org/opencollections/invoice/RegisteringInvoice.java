package org.opencollections.invoice;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes an invoice from the billing system and opens its collection case, all or nothing. */
@Service
public class RegisteringInvoice {

  private static final Logger log = LoggerFactory.getLogger(RegisteringInvoice.class);

  private final Customers customers;
  private final Invoices invoices;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RegisteringInvoice(Customers customers, Invoices invoices, ApplicationEventPublisher events,
      Clock clock) {
    this.customers = customers;
    this.invoices = invoices;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores the invoice (creating or updating its customer) and starts its case.
   *
   * @throws DuplicateInvoiceException when the invoice number is taken; nothing is changed then
   */
  @Transactional
  public Invoice register(NewInvoice request, String registeredBy) {
    if (invoices.existsByInvoiceNumber(request.invoiceNumber())) {
      throw new DuplicateInvoiceException(request.invoiceNumber());
    }
    var now = clock.instant();
    Customer customer = customers.findById(request.customer().id())
        .map(existing -> {
          existing.update(request.customer(), now);
          return existing;
        })
        .orElseGet(() -> customers.save(new Customer(request.customer(), now)));
    Invoice invoice = invoices.saveAndFlush(new Invoice(request, customer, now, registeredBy));
    events.publishEvent(new InvoiceRegistered(invoice));
    log.info("Invoice {} registered for customer {}: {} {} due {}", invoice.getInvoiceNumber(),
        customer.getId(), invoice.getAmount().toPlainString(), invoice.getCurrency(),
        invoice.getDueDate());
    return invoice;
  }
}
