package org.opencollections.dunning.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.credit.CreditControl;
import org.opencollections.dunning.DunningRules;
import org.opencollections.dunning.DunningStage;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;
import org.opencollections.invoice.Invoice;
import org.springframework.stereotype.Component;

/** Puts the customer of an invoice still unpaid on credit hold (seed: stop business until paid). */
@Component
public class PlaceCreditHoldDelegate implements JavaDelegate {

  private final CreditControl creditControl;
  private final CaseHistory history;
  private final Schedule schedule;

  PlaceCreditHoldDelegate(CreditControl creditControl, CaseHistory history, Schedule schedule) {
    this.creditControl = creditControl;
    this.history = history;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String invoiceNumber = (String) execution.getVariable(ProcessVariables.INVOICE_NUMBER);
    Invoice invoice = history.invoice(invoiceNumber);
    if (!invoice.isOpen()) {
      return;
    }
    String reason = "Invoice " + invoiceNumber + " unpaid "
        + DunningRules.daysOverdue(invoice.getDueDate(), schedule.today()) + " days after its due date";
    var placement = creditControl.placeHold(invoice.getCustomer().getId(), reason, invoiceNumber);
    history.holdCredit(List.of(invoiceNumber));
    String note = placement.placedNow() ? reason
        : reason + "; the customer has been on hold since " + placement.status().since()
            + " (" + placement.status().reason() + ")";
    history.record(invoiceNumber, ContactLogEntry.Channel.DECISION, "CREDIT_HOLD",
        placement.placedNow() ? "PLACED" : "ALREADY_ON_HOLD", null, note, "system",
        DunningStage.CREDIT_HOLD);
  }
}
