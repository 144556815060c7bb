package org.opencollections.dunning.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.InvoiceRegistered;
import org.opencollections.invoice.InvoiceReopened;
import org.opencollections.invoice.InvoiceSettled;
import org.opencollections.plan.PaymentPlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts an invoice's case when it is registered and ends it when it is settled, inside the same
 * transaction: an invoice is never stored without its case, nor paid without the case knowing.
 */
@Component
public class InvoiceCollectionProcess {

  public static final String PROCESS_KEY = "invoiceCollection";
  public static final String MESSAGE_INVOICE_SETTLED = "InvoiceSettled";

  private static final Logger log = LoggerFactory.getLogger(InvoiceCollectionProcess.class);

  private final RuntimeService runtimeService;
  private final CustomerCalls calls;
  private final PaymentPlans plans;

  InvoiceCollectionProcess(RuntimeService runtimeService, CustomerCalls calls, PaymentPlans plans) {
    this.runtimeService = runtimeService;
    this.calls = calls;
    this.plans = plans;
  }

  @EventListener
  void start(InvoiceRegistered event) {
    start(event.invoice());
  }

  /** A settled invoice whose payment came back: its collection starts again from the invoice mail. */
  @EventListener
  void restart(InvoiceReopened event) {
    start(event.invoice());
  }

  private void start(Invoice invoice) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
        invoice.getInvoiceNumber(),
        Variables.createVariables()
            .putValue(ProcessVariables.INVOICE_NUMBER, invoice.getInvoiceNumber())
            .putValue(ProcessVariables.CUSTOMER_ID, invoice.getCustomer().getId())
            .putValue(ProcessVariables.DUE_DATE, invoice.getDueDate().toString())
            .putValue(ProcessVariables.COUNTRY, invoice.getCustomer().getCountry())
            .putValue(ProcessVariables.REMINDER_LEVEL, 0)
            .putValue(ProcessVariables.ON_PAYMENT_PLAN, false));
    invoice.attachCase(instance.getId());
  }

  @EventListener
  void settle(InvoiceSettled event) {
    Invoice invoice = event.invoice();
    String invoiceNumber = invoice.getInvoiceNumber();
    // The case by its business key, which the engine indexes: a search by the variable reads the
    // variables of every running case, slower the more cases run (docs/PERFORMANCE.md).
    List<MessageCorrelationResult> results = new ArrayList<>(runtimeService
        .createMessageCorrelation(MESSAGE_INVOICE_SETTLED)
        .processInstanceBusinessKey(invoiceNumber)
        .correlateAllWithResult());
    // A payment plan's process, started from Tasklist, has no business key: found by its variable.
    if (plans.running(invoice).isPresent()) {
      results.addAll(runtimeService.createMessageCorrelation(MESSAGE_INVOICE_SETTLED)
          .processInstanceVariableEquals(ProcessVariables.INVOICE_NUMBER, invoiceNumber)
          .correlateAllWithResult());
    }
    if (results.isEmpty()) {
      log.warn("Invoice {} was settled but has no running case to end", invoiceNumber);
    }
    calls.leave(invoice.getCustomer().getId());
  }
}
