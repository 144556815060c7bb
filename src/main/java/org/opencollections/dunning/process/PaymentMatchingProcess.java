package org.opencollections.dunning.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.opencollections.bank.BankEntry;
import org.opencollections.bank.PaymentNeedsMatching;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.Money;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts a bank payment that did not match by itself before a clerk (process {@value #PROCESS_KEY}),
 * in the same transaction that keeps the payment: never one without the other.
 */
@Component
class PaymentMatchingProcess {

  static final String PROCESS_KEY = "bankPaymentMatching";
  static final String BANK_ENTRY_ID = "bankEntryId";
  static final String DECISION = "paymentDecision";
  static final String CHOSEN_INVOICE = "chosenInvoice";
  static final String OTHER_INVOICE = "otherInvoiceNumber";
  static final String NOTE = "paymentNote";

  private final RuntimeService runtimeService;
  private final ObjectMapper json;

  PaymentMatchingProcess(RuntimeService runtimeService, ObjectMapper json) {
    this.runtimeService = runtimeService;
    this.json = json;
  }

  @EventListener
  void start(PaymentNeedsMatching event) {
    BankEntry entry = event.entry();
    List<Map<String, String>> rows = new ArrayList<>();
    List<Map<String, String>> choices = new ArrayList<>();
    for (Invoice invoice : event.candidates()) {
      String open = Money.text(invoice.getBalance(), invoice.getCurrency());
      rows.add(Map.of("invoice", invoice.getInvoiceNumber(), "customer", invoice.getCustomer().getName(),
          "amount", Money.text(invoice.getAmount(), invoice.getCurrency()), "open", open,
          "due", invoice.getDueDate().toString(), "status", invoice.getStatus().name().toLowerCase()));
      choices.add(Map.of("label", invoice.getInvoiceNumber() + " (" + invoice.getCustomer().getName()
          + ", " + open + " open)", "value", invoice.getInvoiceNumber()));
    }
    String payer = entry.getDebtorName() == null ? "unknown payer" : entry.getDebtorName();
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, entry.getBankReference(),
        Variables.createVariables()
            .putValue(BANK_ENTRY_ID, entry.getId())
            .putValue("bankReference", entry.getBankReference())
            .putValue("paymentAmount", Money.text(entry.getAmount(), entry.getCurrency()))
            .putValue("paymentKind", entry.isReturnedPayment() ? "Returned payment" : "Payment received")
            .putValue("bookedOn", entry.getBookedOn().toString())
            .putValue("payer", payer + (entry.getDebtorAccount() == null ? "" : ", account " + entry.getDebtorAccount()))
            .putValue("remittance", entry.getRemittanceText() == null ? "(nothing)" : entry.getRemittanceText())
            .putValue("creditorReference", entry.getCreditorReference() == null ? "(none)" : entry.getCreditorReference())
            .putValue("matchReason", entry.getNote())
            .putValue("candidateInvoices", TaskForms.json(json, rows))
            .putValue("invoiceChoices", TaskForms.json(json, choices)));
  }
}
