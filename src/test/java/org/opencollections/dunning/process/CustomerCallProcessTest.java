package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencollections.dunning.CallReport;

/** Walks every path of processes/customer-call.bpmn: one call per customer, and what it leads to. */
@Deployment(resources = "processes/customer-call.bpmn")
class CustomerCallProcessTest extends ProcessTestSupport {

  @Override
  String processKey() {
    return CustomerCalls.PROCESS_KEY;
  }

  @Override
  List<String> delegates() {
    return List.of("confirmPromiseDelegate", "checkPromiseDelegate", "resumeDunningDelegate",
        "holdForBrokenPromiseDelegate", "mailBrokenPromiseDelegate",
        "escalateInvoicesDelegate", "escalateNotCalledDelegate", "escalateNotReachedDelegate",
        "handOverDisputesDelegate",
        "addInvoiceToCallDelegate");
  }

  @Override
  List<String> listeners() {
    return List.of("prepareCallSheetListener", "recordCallOutcomeListener", "recordFollowUpListener");
  }

  @AfterAll
  static void everyElementOfTheDiagramWasWalked() {
    assertEveryElementWasWalked(CustomerCalls.PROCESS_KEY);
  }

  private ProcessInstance callOpened() {
    ProcessInstance call = runtimeService().startProcessInstanceByMessage(
        CustomerCalls.MESSAGE_CALL_REQUESTED, "C-1",
        withVariables(ProcessVariables.CUSTOMER_ID, "C-1", ProcessVariables.COUNTRY, "SE", ProcessVariables.CALL_ATTEMPTS, 0,
            ProcessVariables.MAX_CALL_ATTEMPTS, 3));
    assertThat(call).isWaitingAt("Task_CallCustomer");
    execute(jobQuery().activityId("Task_CallCustomer").singleResult());
    assertThat(task()).hasDefinitionKey("Task_CallCustomer").hasCandidateGroup("collectionClerks")
        .hasDueDate(Date.from(Instant.parse("2026-03-03T08:00:00Z")));
    assertThat(task().getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2026-03-02T08:00:00Z")));
    return call;
  }

  private static void recordCall(String outcome, Object... variables) {
    Object[] all = new Object[variables.length + 4];
    all[0] = CallReport.OUTCOME;
    all[1] = outcome;
    all[2] = ProcessVariables.CALL_TAKEN_BY;
    all[3] = "clara";
    System.arraycopy(variables, 0, all, 4, variables.length);
    complete(task(), withVariables(all[0].toString(), all[1], all));
  }

  @Test
  void aKeptPromiseLetsDunningGoOnWithWhatIsStillOpen() {
    effects.put("checkPromiseDelegate", execution -> execution.setVariable(ProcessVariables.PROMISE_KEPT, true));
    ProcessInstance call = callOpened();
    recordCall("PROMISED_TO_PAY", CallReport.PROMISED_DATE, "2026-03-10");

    assertThat(call).isWaitingAt("Task_ConfirmPromise");
    execute(job());
    assertThat(call).isWaitingAt("Timer_PromiseGrace");
    assertThat(dueDateOfTimer("Timer_PromiseGrace")).isEqualTo(Instant.parse("2026-03-12T08:00:00Z"));
    execute(job());

    assertThat(call).isEnded().hasPassed("Task_CheckPromise", "Task_ResumeAfterPromise", "End_PromiseKept");
    assertThat(steps).containsExactly("Task_ConfirmPromise", "Task_CheckPromise", "Task_ResumeAfterPromise");
  }

  @Test
  void aBrokenPromisePutsTheCustomerOnHoldEscalatesAndAsksAClerkToFollowUp() {
    effects.put("checkPromiseDelegate", execution -> execution.setVariable(ProcessVariables.PROMISE_KEPT, false));
    ProcessInstance call = callOpened();
    recordCall("PROMISED_TO_PAY", CallReport.PROMISED_DATE, "2026-03-10");
    execute(job());
    execute(job());

    assertThat(steps).containsExactly("Task_ConfirmPromise", "Task_CheckPromise", "Task_HoldForBrokenPromise");
    assertThat(call).isWaitingAt("Task_MailBrokenPromise");
    execute(job());
    assertThat(steps).endsWith("Task_MailBrokenPromise", "Task_EscalateBrokenPromise");
    assertThat(call).isWaitingAt("Task_FollowUpBrokenPromise");
    execute(job());
    assertThat(task()).hasDefinitionKey("Task_FollowUpBrokenPromise").hasCandidateGroup("collectionClerks");
    complete(task(), withVariables(ProcessVariables.FOLLOW_UP_NOTE, "Called; pays Friday"));

    assertThat(call).isEnded().hasPassed("End_PromiseBroken");
  }

  @Test
  void noAnswerIsCalledAgainTheNextWorkingDayUntilTheAttemptsAreUsedUp() {
    ProcessInstance call = callOpened();
    recordCall("NO_ANSWER", ProcessVariables.CALL_ATTEMPTS, 1);

    assertThat(call).isWaitingAt("Timer_NextWorkingDay");
    assertThat(dueDateOfTimer("Timer_NextWorkingDay")).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    execute(job());
    assertThat(call).isWaitingAt("Task_CallCustomer");
    execute(job());
    recordCall("NO_ANSWER", ProcessVariables.CALL_ATTEMPTS, 3);

    assertThat(call).isWaitingAt("Task_EscalateNotReached");
    execute(job());
    assertThat(call).isEnded().hasPassed("End_NotReached");
    assertThat(steps).containsExactly("Task_EscalateNotReached");
  }

  @Test
  void aCallNotMadeWithinThreeDaysEscalatesTheInvoices() {
    ProcessInstance call = callOpened();
    assertThat(dueDateOfTimer("BoundaryTimer_NotCalledInTime")).isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));

    execute(job("BoundaryTimer_NotCalledInTime"));

    assertThat(call).isEnded().hasPassed("Task_EscalateNotCalled", "End_NotCalledInTime");
    assertThat(steps).containsExactly("Task_EscalateNotCalled");
  }

  @Test
  void theWrongContactIsReplacedAndCalledAtOnce() {
    ProcessInstance call = callOpened();
    recordCall("WRONG_CONTACT");

    assertThat(call).isWaitingAt("Task_CallCustomer");
    assertThat(jobQuery().activityId("Task_CallCustomer").count()).isOne();
  }

  @Test
  void disputesGoToAManagerAndTheCallGoesOnAboutTheOtherInvoices() {
    ProcessInstance call = callOpened();
    effects.put("handOverDisputesDelegate",
        execution -> execution.setVariable(ProcessVariables.INVOICES_LEFT_IN_CALL, 1));
    recordCall("DISPUTED");
    execute(job());

    assertThat(call).isWaitingAt("Task_CallCustomer");
    execute(job());
    effects.put("handOverDisputesDelegate",
        execution -> execution.setVariable(ProcessVariables.INVOICES_LEFT_IN_CALL, 0));
    recordCall("DISPUTED");
    execute(job());

    assertThat(call).isEnded().hasPassed("End_DisputesHandedOver");
    assertThat(steps).containsExactly("Task_HandOverDisputes", "Task_HandOverDisputes");
  }

  @Test
  void aReportedPaymentIsCheckedByTheClerkWhoTookTheCall() {
    ProcessInstance call = callOpened();
    recordCall("ALREADY_PAID");
    execute(job());

    assertThat(task()).hasDefinitionKey("Task_CheckReportedPayment").isAssignedTo("clara");
    complete(task(), withVariables(ProcessVariables.FOLLOW_UP_NOTE, "Not in the bank statement"));
    execute(job());

    assertThat(call).isEnded().hasPassed("Task_ResumeAfterPaymentCheck", "End_PaymentNotFound");
  }

  @Test
  void anotherInvoiceJoinsTheOpenCall() {
    ProcessInstance call = callOpened();

    runtimeService().createMessageCorrelation(CustomerCalls.MESSAGE_CALL_REQUESTED)
        .processInstanceId(call.getId()).correlate();
    execute(jobQuery().activityId("Task_AddInvoiceToCall").singleResult());

    assertThat(steps).containsExactly("Task_AddInvoiceToCall");
    assertThat(call).hasPassed("End_InvoiceAdded").isWaitingAt("Task_CallCustomer");
    assertThat(taskQuery().count()).isOne();
  }

  @Test
  void theCallClosesWhenNoInvoiceWaitsForItAnyMore() {
    ProcessInstance call = callOpened();

    runtimeService().createMessageCorrelation(CustomerCalls.MESSAGE_NO_LONGER_NEEDED)
        .processInstanceId(call.getId()).correlate();

    assertThat(call).isEnded().hasPassed("End_CallClosed");
    assertThat(taskQuery().count()).isZero();
  }
}
