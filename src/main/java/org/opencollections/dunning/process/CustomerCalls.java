package org.opencollections.dunning.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.opencollections.invoice.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One call per customer: invoice cases ask to be part of their customer's call, wait for what it
 * brings, and leave it when paid or escalated. Which invoices a call covers is read from the
 * engine: the invoice cases waiting at {@value #WAIT_ACTIVITY}.
 */
@Component
public class CustomerCalls {

  public static final String PROCESS_KEY = "customerCall";
  public static final String MESSAGE_CALL_REQUESTED = "CallRequested";
  public static final String MESSAGE_NO_LONGER_NEEDED = "CallNoLongerNeeded";
  public static final String MESSAGE_CALL_OUTCOME = "CallOutcome";
  static final String WAIT_ACTIVITY = "Task_AwaitCallOutcome";
  static final String CALL_TASK = "Task_CallCustomer";

  /** What a call means for each invoice case it covered. */
  public enum Result { RESUME, ESCALATE, NOT_REACHED, DISPUTED }

  private static final Logger log = LoggerFactory.getLogger(CustomerCalls.class);

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Customers customers;
  private final int maxAttempts;

  CustomerCalls(RuntimeService runtimeService, TaskService taskService, Customers customers,
      CallProperties properties) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.customers = customers;
    this.maxAttempts = properties.maxAttempts();
  }

  /**
   * Adds an invoice to its customer's call: joins the running call, or starts one. The customer's
   * row stays locked until the transaction ends, so two invoices never start two calls.
   */
  @Transactional
  public void request(String customerId) {
    var customer = customers.lockById(customerId)
        .orElseThrow(() -> new IllegalArgumentException("No customer " + customerId));
    ProcessInstance running = runningCall(customerId);
    if (running != null) {
      runtimeService.createMessageCorrelation(MESSAGE_CALL_REQUESTED)
          .processInstanceId(running.getId())
          .correlateWithResult();
      return;
    }
    runtimeService.startProcessInstanceByMessage(MESSAGE_CALL_REQUESTED, customerId,
        Variables.createVariables()
            .putValue(ProcessVariables.CUSTOMER_ID, customerId)
            .putValue(ProcessVariables.COUNTRY, customer.getCountry())
            .putValue(ProcessVariables.CALL_ATTEMPTS, 0)
            .putValue(ProcessVariables.MAX_CALL_ATTEMPTS, maxAttempts));
    log.info("Call opened for customer {}", customerId);
  }

  /** The invoices whose cases wait for this customer's call, oldest first. */
  public List<String> invoicesInCall(String customerId) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(InvoiceCollectionProcess.PROCESS_KEY)
        .activityIdIn(WAIT_ACTIVITY)
        .variableValueEquals(ProcessVariables.CUSTOMER_ID, customerId)
        .orderByBusinessKey().asc()
        .list().stream().map(ProcessInstance::getBusinessKey).toList();
  }

  /** Tells each invoice case what came of the call; a case no longer waiting is left alone. */
  public void tell(List<String> invoiceNumbers, Result result, Map<String, Object> variables) {
    for (String invoiceNumber : invoiceNumbers) {
      runtimeService.createMessageCorrelation(MESSAGE_CALL_OUTCOME)
          .processInstanceBusinessKey(invoiceNumber)
          .setVariable(ProcessVariables.CALL_RESULT, result.name())
          .setVariables(variables)
          .correlateAllWithResult();
    }
    log.info("Call outcome {} for invoices {}", result, invoiceNumbers);
  }

  /** Closes the customer's call when no invoice waits for it any more. */
  public void leave(String customerId) {
    ProcessInstance running = runningCall(customerId);
    if (running != null && invoicesInCall(customerId).isEmpty()) {
      runtimeService.createMessageCorrelation(MESSAGE_NO_LONGER_NEEDED)
          .processInstanceId(running.getId())
          .correlateAllWithResult();
      log.info("Call of customer {} closed: no invoice waits for it", customerId);
    }
  }

  /** The open call task of a customer, if a clerk has one to work now. */
  public Task openCallTask(String customerId) {
    return taskService.createTaskQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(customerId)
        .taskDefinitionKey(CALL_TASK)
        .singleResult();
  }

  private ProcessInstance runningCall(String customerId) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(customerId)
        .singleResult();
  }
}
