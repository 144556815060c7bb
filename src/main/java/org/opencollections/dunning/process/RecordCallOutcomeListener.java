package org.opencollections.dunning.process;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.dunning.CallReport;
import org.opencollections.dunning.DunningStage;
import org.opencollections.dunning.Schedule;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;
import org.springframework.stereotype.Component;

/**
 * Checks and records the outcome of a customer's call when the clerk completes it: a call-log
 * entry on every invoice the call covered, the customer's new contact, and what the process needs
 * next. A value that cannot be recorded is refused with a message, and nothing changes.
 */
@Component
public class RecordCallOutcomeListener implements TaskListener, FormCheck {

  private static final String[] FIELDS = {CallReport.OUTCOME, CallReport.PROMISED_DATE,
      CallReport.PROMISED_AMOUNT, CallReport.DISPUTED_INVOICES, CallReport.DISPUTE_REASON,
      CallReport.CONTACT_NAME, CallReport.CONTACT_PHONE, CallReport.CONTACT_EMAIL,
      CallReport.PAID_ON, CallReport.PAYMENT_REFERENCE, CallReport.NOTE};

  private final CaseHistory history;
  private final CallSheets sheets;
  private final Schedule schedule;
  private final Clock clock;
  private final int maxPromiseDays;

  RecordCallOutcomeListener(CaseHistory history, CallSheets sheets, Schedule schedule,
      Clock clock, CallProperties properties) {
    this.history = history;
    this.sheets = sheets;
    this.schedule = schedule;
    this.clock = clock;
    this.maxPromiseDays = properties.maxPromiseDays();
  }

  @Override
  public Set<String> formsChecked() {
    return Set.of(CustomerCalls.CALL_TASK);
  }

  @Override
  public void check(Map<String, Object> form, Function<String, Object> caseVariables,
      String user) {
    report(form, TaskForms.strings(caseVariables.apply(ProcessVariables.CALL_INVOICES)));
  }

  private CallReport report(Map<String, Object> form, List<String> invoices) {
    return CallReport.of(form, new CallReport.Call(schedule.today(), invoices,
        invoices.isEmpty() ? null : sheets.openBalance(invoices), maxPromiseDays));
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> invoices = TaskForms.strings(task.getVariable(ProcessVariables.CALL_INVOICES));
    CallReport report = TaskForms.read(() -> report(TaskForms.values(task, FIELDS), invoices));
    String actor = TaskForms.actor(task);
    String customerId = (String) task.getVariable(ProcessVariables.CUSTOMER_ID);
    // What the process needs next goes to the call's scope: the task's own variables end with it.
    var call = task.getExecution();
    call.setVariable(ProcessVariables.CALL_TAKEN_BY, actor);
    switch (report.outcome()) {
      case PROMISED_TO_PAY -> {
        call.setVariable(CallReport.PROMISED_DATE, report.promisedDate().toString());
        call.setVariable(CallReport.PROMISED_AMOUNT, report.promisedAmount().toPlainString());
        call.setVariable(ProcessVariables.PROMISED_INVOICES, TaskForms.jsonList(invoices));
        call.setVariable(ProcessVariables.PROMISE_MADE_AT, clock.instant().toString());
        log(invoices, report, "Promised " + report.promisedAmount().toPlainString(), actor,
            DunningStage.PROMISED_TO_PAY);
      }
      case DISPUTED -> {
        call.setVariable(CallReport.DISPUTED_INVOICES, TaskForms.jsonList(report.disputedInvoices()));
        log(report.disputedInvoices(), report, "Disputed: " + report.disputeReason(), actor,
            DunningStage.DISPUTED);
      }
      case NO_ANSWER -> {
        Object attempts = task.getVariable(ProcessVariables.CALL_ATTEMPTS);
        call.setVariable(ProcessVariables.CALL_ATTEMPTS,
            (attempts instanceof Number number ? number.intValue() : 0) + 1);
        log(invoices, report, null, actor, DunningStage.CUSTOMER_NOT_REACHED);
      }
      case WRONG_CONTACT -> {
        var contact = report.newContact();
        history.changeContact(customerId, contact.name(), contact.phone(), contact.email());
        log(invoices, report, "New contact: " + contact.name()
            + (contact.phone() == null ? "" : ", " + contact.phone())
            + (contact.email() == null ? "" : ", " + contact.email()), actor, null);
      }
      case ALREADY_PAID -> log(invoices, report, "Paid on " + report.paidOn() + ", reference "
          + report.paymentReference(), actor, DunningStage.PAYMENT_REPORTED);
    }
  }

  private void log(List<String> invoices, CallReport report, String details, String actor,
      DunningStage reached) {
    String note = details == null ? report.note()
        : report.note() == null ? details : details + ". " + report.note();
    history.recordForEach(invoices, ContactLogEntry.Channel.PHONE, "CALL", report.outcome().name(),
        report.promisedDate(), note, actor, reached);
  }
}
