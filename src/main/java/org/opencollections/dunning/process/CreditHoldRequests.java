package org.opencollections.dunning.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.opencollections.credit.CreditControl;
import org.opencollections.credit.CustomerNotFoundException;
import org.opencollections.dunning.HoldChangeRequest;
import org.opencollections.dunning.InvalidReportException;
import org.springframework.stereotype.Component;

/**
 * A manager's request to change a credit hold (process {@value #PROCESS_KEY}, started from
 * Tasklist): checked against the customer's credit status before the process starts.
 */
@Component
public class CreditHoldRequests implements FormCheck {

  public static final String PROCESS_KEY = "creditHoldChange";
  static final String REQUESTED_BY = "requestedBy";
  static final String APPROVED_BY = "approvedBy";

  private final CreditControl creditControl;

  CreditHoldRequests(CreditControl creditControl) {
    this.creditControl = creditControl;
  }

  @Override
  public Set<String> formsChecked() {
    return Set.of(PROCESS_KEY);
  }

  @Override
  public void check(Map<String, Object> form, Function<String, Object> caseVariables,
      String user) {
    request(form.get(HoldChangeRequest.CUSTOMER_ID), form.get(HoldChangeRequest.ACTION),
        form.get(HoldChangeRequest.REASON));
  }

  /**
   * @throws InvalidReportException for an unknown customer, or a lift for a customer not on hold
   */
  HoldChangeRequest request(Object customerId, Object action, Object reason) {
    HoldChangeRequest request = HoldChangeRequest.of(customerId, action, reason);
    boolean onHold;
    try {
      onHold = creditControl.status(request.customerId()).onHold();
    } catch (CustomerNotFoundException e) {
      throw new InvalidReportException("There is no customer " + request.customerId() + ".");
    }
    if (request.action() == HoldChangeRequest.Action.LIFT && !onHold) {
      throw new InvalidReportException("Customer " + request.customerId() + " is not on credit hold.");
    }
    return request;
  }
}
