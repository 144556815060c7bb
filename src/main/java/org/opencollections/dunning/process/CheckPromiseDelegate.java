package org.opencollections.dunning.process;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.dunning.CallReport;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;
import org.opencollections.invoice.Invoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A promise is kept when the promised amount has arrived for the promised invoices since the call,
 * or when every one of them is paid.
 */
@Component
public class CheckPromiseDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CheckPromiseDelegate.class);

  private final CaseHistory history;

  CheckPromiseDelegate(CaseHistory history) {
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> promised = TaskForms.strings(execution.getVariable(ProcessVariables.PROMISED_INVOICES));
    BigDecimal amount = new BigDecimal(execution.getVariable(CallReport.PROMISED_AMOUNT).toString());
    Instant since = Instant.parse(execution.getVariable(ProcessVariables.PROMISE_MADE_AT).toString());
    BigDecimal arrived = history.paidSince(promised, since);
    boolean allPaid = history.invoices(promised).stream().noneMatch(Invoice::isOpen);
    boolean kept = allPaid || arrived.compareTo(amount) >= 0;
    execution.setVariable(ProcessVariables.PROMISE_KEPT, kept);
    history.recordForEach(promised, ContactLogEntry.Channel.DECISION, "PROMISE",
        kept ? "KEPT" : "BROKEN", null, "Promised " + amount.toPlainString() + " by "
            + execution.getVariable(CallReport.PROMISED_DATE) + "; " + arrived.toPlainString()
            + " arrived since the call" + (allPaid ? ", every invoice paid" : ""),
        "system", null);
    log.info("Customer {}: promise of {} {}; {} arrived since {}",
        execution.getVariable(ProcessVariables.CUSTOMER_ID), amount.toPlainString(),
        kept ? "kept" : "broken", arrived.toPlainString(), since);
  }
}
