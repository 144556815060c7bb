package org.opencollections.dunning.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Tells every invoice still waiting for the customer's call what comes next. One bean per result
 * ({@code resumeDunningDelegate}...) is wired in {@link DunningProcessConfiguration}.
 */
public class TellInvoicesDelegate implements JavaDelegate {

  private final CustomerCalls calls;
  private final CustomerCalls.Result result;

  public TellInvoicesDelegate(CustomerCalls calls, CustomerCalls.Result result) {
    this.calls = calls;
    this.result = result;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String customerId = (String) execution.getVariable(ProcessVariables.CUSTOMER_ID);
    calls.tell(calls.invoicesInCall(customerId), result, Map.of());
  }
}
