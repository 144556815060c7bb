package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every path of processes/invoice-collection.bpmn, timers included. */
@Deployment(resources = "processes/invoice-collection.bpmn")
class InvoiceCollectionProcessTest extends ProcessTestSupport {

  private static final String SENT_ON = "2026-03-02";
  private static final String DUE = "2026-04-01";

  @Override
  String processKey() {
    return InvoiceCollectionProcess.PROCESS_KEY;
  }

  @Override
  List<String> delegates() {
    return List.of("sendInvoiceDelegate", "sendReceiptCheckDelegate", "sendPreDueReminderDelegate",
        "sendOverdueNoticeDelegate", "sendSecondOverdueNoticeDelegate",
        "sendSalesRepEscalationDelegate", "sendThankYouDelegate", "placeCreditHoldDelegate",
        "cancelInvoiceDelegate", "requestCallDelegate", "reanchorClockDelegate");
  }

  @Override
  List<String> listeners() {
    return List.of("prepareCaseSheetListener", "recordDisputeDecisionListener",
        "assignSalesRepListener", "recordSalesRepReportListener");
  }

  @AfterAll
  static void everyElementOfTheDiagramWasWalked() {
    assertEveryElementWasWalked(InvoiceCollectionProcess.PROCESS_KEY);
  }

  private ProcessInstance startCase(String sentOn) {
    effects.put("sendInvoiceDelegate",
        execution -> execution.setVariable(ProcessVariables.INVOICE_SENT_ON, sentOn));
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(
        InvoiceCollectionProcess.PROCESS_KEY, "INV-1",
        withVariables(ProcessVariables.INVOICE_NUMBER, "INV-1", ProcessVariables.CUSTOMER_ID, "C-1",
            ProcessVariables.DUE_DATE, DUE));
    assertThat(instance).isWaitingAt("Task_SendInvoice");
    execute(job());
    return instance;
  }

  /** A case sent before its due date, run up to the wait for its customer's call. */
  private ProcessInstance caseWaitingForTheCall() {
    ProcessInstance instance = startCase(SENT_ON);
    for (int i = 0; i < 4; i++) {
      execute(job());
    }
    assertThat(instance).isWaitingAt("Task_AwaitCallOutcome");
    return instance;
  }

  private static void callResult(String result) {
    runtimeService().createMessageCorrelation(CustomerCalls.MESSAGE_CALL_OUTCOME)
        .processInstanceBusinessKey("INV-1")
        .setVariable(ProcessVariables.CALL_RESULT, result)
        .setVariable(ProcessVariables.DISPUTED_ON, "2026-04-08")
        .correlate();
  }

  @Test
  void invoiceSentBeforeItsDueDateGetsEveryMailAndThenAsksForACall() {
    ProcessInstance instance = startCase(SENT_ON);

    assertThat(instance).isWaitingAt("Timer_ThreeDaysAfterSending");
    assertThat(dueDateOfTimer("Timer_ThreeDaysAfterSending")).isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
    execute(job());
    assertThat(dueDateOfTimer("Timer_ThreeDaysBeforeDue")).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
    execute(job());
    assertThat(dueDateOfTimer("Timer_FiveDaysAfterDue")).isEqualTo(Instant.parse("2026-04-06T08:00:00Z"));
    execute(job());
    assertThat(dueDateOfTimer("Timer_SevenDaysAfterDue")).isEqualTo(Instant.parse("2026-04-08T08:00:00Z"));
    execute(job());

    assertThat(instance).isWaitingAt("Task_AwaitCallOutcome");
    assertThat(steps).containsExactly("Task_SendInvoice", "Task_SendReceiptCheck",
        "Task_SendPreDueReminder", "Task_SendOverdueNotice", "Task_RequestCall");
  }

  @Test
  void invoiceAlreadyDueWhenSentSkipsTheCourtesyMails() {
    ProcessInstance instance = startCase("2026-04-03");

    assertThat(instance).isWaitingAt("Timer_FiveDaysAfterDue");
    execute(job());
    assertThat(steps).containsExactly("Task_SendInvoice", "Task_SendOverdueNotice");
  }

  @Test
  void invoiceSentOnItsDueDateCountsAsDue() {
    assertThat(startCase(DUE)).isWaitingAt("Timer_FiveDaysAfterDue");
  }

  @Test
  void goOnAfterTheCallEscalatesTenDaysAfterTheDueDate() {
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("RESUME");

    assertThat(instance).isWaitingAt("Timer_TenDaysAfterDue");
    assertThat(dueDateOfTimer("Timer_TenDaysAfterDue")).isEqualTo(Instant.parse("2026-04-11T08:00:00Z"));
    execute(job());
    assertThat(instance).isWaitingAt("Task_SendSalesRepEscalation");
  }

  @Test
  void escalateAtOnceSkipsTheTenDayWait() {
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("ESCALATE");

    assertThat(instance).isWaitingAt("Task_SendSalesRepEscalation").hasNotPassed("Timer_TenDaysAfterDue");
  }

  @Test
  void customerNotReachedGetsAFirmerNoticeAndIsEscalated() {
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("NOT_REACHED");

    assertThat(instance).isWaitingAt("Task_SendSecondOverdueNotice");
    execute(job());
    assertThat(instance).isWaitingAt("Task_SendSalesRepEscalation");
    assertThat(steps).endsWith("Task_SendSecondOverdueNotice");
  }

  @Test
  void upheldDisputeCancelsTheInvoice() {
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("DISPUTED");
    execute(job());

    assertThat(instance).isWaitingAt("Task_ReviewDispute");
    assertThat(task()).hasCandidateGroup("collectionsManagers");
    complete(task(), withVariables(ProcessVariables.DISPUTE_RESOLUTION, "UPHELD",
        ProcessVariables.DISPUTE_NOTE, "Goods were damaged"));
    execute(job());

    assertThat(instance).isEnded().hasPassed("Task_CancelInvoice", "End_InvoiceCancelled");
  }

  @Test
  void rejectedDisputeResumesDunningWithTheClockReAnchored() {
    effects.put("reanchorClockDelegate",
        execution -> execution.setVariable(ProcessVariables.DUE_DATE, "2026-04-13"));
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("DISPUTED");
    execute(job());
    complete(task(), withVariables(ProcessVariables.DISPUTE_RESOLUTION, "REJECTED",
        ProcessVariables.DISPUTE_NOTE, "Delivery note signed"));

    assertThat(instance).hasPassed("Task_ReanchorClock").isWaitingAt("Timer_TenDaysAfterDue");
    assertThat(dueDateOfTimer("Timer_TenDaysAfterDue")).isEqualTo(Instant.parse("2026-04-23T08:00:00Z"));
  }

  @Test
  void fullEscalationEndsOnCreditHoldAwaitingPayment() {
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("RESUME");
    execute(job());
    execute(job());

    assertThat(instance).isWaitingAt("Task_SalesFollowUp", "Timer_ThirtyDaysAfterDue");
    assertThat(dueDateOfTimer("Timer_ThirtyDaysAfterDue")).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
    complete(task(), withVariables(ProcessVariables.SALES_OUTCOME, "NOT_REACHED"));
    assertThat(instance).hasPassed("End_SalesRepReported").isWaitingAt("Timer_ThirtyDaysAfterDue");
    execute(job());

    assertThat(instance).isWaitingAt("Task_AwaitPayment");
    assertThat(steps).endsWith("Task_SendSalesRepEscalation", "Task_PlaceCreditHold");
  }

  /** Every wait state of the case, with the way there: "job" runs the due job, "call:X" the call's result. */
  static Stream<Arguments> waitStates() {
    List<String> toCall = List.of("job", "job", "job", "job", "job");
    return Stream.of(
        Arguments.of("Task_SendInvoice", List.of()),
        Arguments.of("Timer_ThreeDaysAfterSending", toCall.subList(0, 1)),
        Arguments.of("Timer_ThreeDaysBeforeDue", toCall.subList(0, 2)),
        Arguments.of("Timer_FiveDaysAfterDue", toCall.subList(0, 3)),
        Arguments.of("Timer_SevenDaysAfterDue", toCall.subList(0, 4)),
        Arguments.of("Task_AwaitCallOutcome", toCall),
        Arguments.of("Task_ReviewDispute", then(toCall, "call:DISPUTED", "job")),
        Arguments.of("Timer_TenDaysAfterDue", then(toCall, "call:RESUME")),
        Arguments.of("Task_SendSecondOverdueNotice", then(toCall, "call:NOT_REACHED")),
        Arguments.of("Task_SalesFollowUp", then(toCall, "call:RESUME", "job", "job")),
        Arguments.of("Task_AwaitPayment", then(toCall, "call:RESUME", "job", "job", "job")));
  }

  private static List<String> then(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  @ParameterizedTest(name = "paid while waiting at {0}")
  @MethodSource("waitStates")
  void paymentAtAnyStageThanksTheCustomerAndEndsTheCase(String waitState, List<String> way) {
    ProcessInstance instance = startCaseWithoutRunning();
    for (String step : way) {
      if (step.equals("job")) {
        execute(job());
      } else {
        callResult(step.substring(5));
      }
    }
    assertThat(instance).isWaitingAt(waitState);
    int stepsBefore = steps.size();

    runtimeService().createMessageCorrelation(InvoiceCollectionProcess.MESSAGE_INVOICE_SETTLED)
        .processInstanceBusinessKey("INV-1").correlate();

    assertThat(instance).isWaitingAt("Task_SendThankYou");
    execute(job());
    assertThat(instance).isEnded().hasPassed("End_InvoicePaid");
    assertThat(steps.subList(stepsBefore, steps.size())).containsExactly("Task_SendThankYou");
  }

  private ProcessInstance startCaseWithoutRunning() {
    effects.put("sendInvoiceDelegate",
        execution -> execution.setVariable(ProcessVariables.INVOICE_SENT_ON, SENT_ON));
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(
        InvoiceCollectionProcess.PROCESS_KEY, "INV-1",
        withVariables(ProcessVariables.INVOICE_NUMBER, "INV-1", ProcessVariables.CUSTOMER_ID, "C-1",
            ProcessVariables.DUE_DATE, DUE));
    assertThat(instance).isStarted();
    return instance;
  }
}
