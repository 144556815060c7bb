package org.opencollections.dunning.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opencollections.dunning.CallReport;
import org.opencollections.dunning.Schedule;
import org.springframework.stereotype.Component;

/**
 * Each disputed invoice leaves the call and pauses its dunning until a manager decides; the
 * invoices not disputed stay in the call, which goes on about them.
 */
@Component
public class HandOverDisputesDelegate implements JavaDelegate {

  private final CustomerCalls calls;
  private final Schedule schedule;

  HandOverDisputesDelegate(CustomerCalls calls, Schedule schedule) {
    this.calls = calls;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerId = (String) execution.getVariable(ProcessVariables.CUSTOMER_ID);
    List<String> waiting = calls.invoicesInCall(customerId);
    List<String> disputed = TaskForms.strings(execution.getVariable(CallReport.DISPUTED_INVOICES))
        .stream().filter(waiting::contains).toList();
    calls.tell(disputed, CustomerCalls.Result.DISPUTED, Map.of(
        ProcessVariables.DISPUTED_ON, schedule.today().toString(),
        CallReport.DISPUTE_REASON, String.valueOf(execution.getVariable(CallReport.DISPUTE_REASON))));
    // counted, not queried: the engine shows the handed-over invoices only once this step commits
    execution.setVariable(ProcessVariables.INVOICES_LEFT_IN_CALL, waiting.size() - disputed.size());
  }
}
