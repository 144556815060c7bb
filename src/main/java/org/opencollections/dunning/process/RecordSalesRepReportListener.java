package org.opencollections.dunning.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opencollections.dunning.SalesRepReport;
import org.opencollections.invoice.CaseHistory;
import org.opencollections.invoice.ContactLogEntry;
import org.springframework.stereotype.Component;

/** Checks and records what the sales rep reports back about the customer. */
@Component
public class RecordSalesRepReportListener implements TaskListener, FormCheck {

  private final CaseHistory history;

  RecordSalesRepReportListener(CaseHistory history) {
    this.history = history;
  }

  @Override
  public Set<String> formsChecked() {
    return Set.of("Task_SalesFollowUp");
  }

  @Override
  public void check(Map<String, Object> form, Function<String, Object> caseVariables,
      String user) {
    SalesRepReport.of(form.get(ProcessVariables.SALES_OUTCOME),
        form.get(ProcessVariables.EXPECTED_PAYMENT_DATE), form.get(ProcessVariables.SALES_NOTE));
  }

  @Override
  public void notify(DelegateTask task) {
    SalesRepReport report = TaskForms.read(() -> SalesRepReport.of(
        task.getVariable(ProcessVariables.SALES_OUTCOME),
        task.getVariable(ProcessVariables.EXPECTED_PAYMENT_DATE),
        task.getVariable(ProcessVariables.SALES_NOTE)));
    history.record((String) task.getVariable(ProcessVariables.INVOICE_NUMBER),
        ContactLogEntry.Channel.PHONE, "SALES_FOLLOW_UP", report.outcome().name(),
        report.expectedPaymentDate(), report.note(), TaskForms.actor(task), null);
  }
}
