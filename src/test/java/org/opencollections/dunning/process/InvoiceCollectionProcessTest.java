package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every path of processes/invoice-collection.bpmn, timers included, with the real dunning
 * policy (processes/dunning-policy.dmn) deciding the reminders.
 */
@Deployment(resources = {"processes/invoice-collection.bpmn", "processes/dunning-policy.dmn"})
class InvoiceCollectionProcessTest extends ProcessTestSupport {

  private static final String SENT_ON = "2026-03-02";
  private static final String DUE = "2026-04-01";

  /** What the policy reads about the invoice; a regular customer owing 1,500 unless a test says. */
  private DecideNextReminderDelegate.PolicyFacts facts =
      new DecideNextReminderDelegate.PolicyFacts("regular", new BigDecimal("1500.00"));

  @Override
  String processKey() {
    return InvoiceCollectionProcess.PROCESS_KEY;
  }

  @Override
  List<String> delegates() {
    return List.of("sendInvoiceDelegate", "sendReceiptCheckDelegate", "sendPreDueReminderDelegate",
        "chargeLateFeesDelegate", "sendReminderDelegate",
        "sendSalesRepEscalationDelegate", "sendThankYouDelegate", "placeCreditHoldDelegate",
        "sendCreditHoldNoticeDelegate",
        "cancelInvoiceDelegate", "requestCallDelegate", "reanchorClockDelegate");
  }

  @Override
  List<String> listeners() {
    return List.of("prepareCaseSheetListener", "recordDisputeDecisionListener",
        "assignSalesRepListener", "recordSalesRepReportListener", "prepareLetterListener",
        "recordLetterListener");
  }

  @BeforeEach
  void decideWithTheRealPolicy() {
    var decide = new DecideNextReminderDelegate(decisionService(), invoiceNumber -> facts);
    Mocks.register("decideNextReminderDelegate", (JavaDelegate) execution -> {
      steps.add(execution.getCurrentActivityId());
      decide.execute(execution);
    });
  }

  @AfterAll
  static void everyElementOfTheDiagramWasWalked() {
    assertEveryElementWasWalked(InvoiceCollectionProcess.PROCESS_KEY);
  }

  private ProcessInstance startCase(String sentOn) {
    ProcessInstance instance = startCaseWithoutRunning(sentOn);
    assertThat(instance).isWaitingAt("Task_SendInvoice");
    execute(job());
    return instance;
  }

  /** Runs due jobs (timers and asynchronous steps) until the case waits at the activity. */
  private static void runUntil(ProcessInstance instance, String activityId) {
    for (int i = 0; i < 30; i++) {
      if (runtimeService().getActiveActivityIds(instance.getId()).contains(activityId)) {
        return;
      }
      execute(job());
    }
    assertThat(instance).isWaitingAt(activityId);
  }

  /** A case sent before its due date, run up to the wait for its customer's call. */
  private ProcessInstance caseWaitingForTheCall() {
    ProcessInstance instance = startCase(SENT_ON);
    runUntil(instance, "Task_AwaitCallOutcome");
    return instance;
  }

  private static void callResult(String result) {
    runtimeService().createMessageCorrelation(CustomerCalls.MESSAGE_CALL_OUTCOME)
        .processInstanceBusinessKey("INV-1")
        .setVariable(ProcessVariables.CALL_RESULT, result)
        .setVariable(ProcessVariables.DISPUTED_ON, "2026-04-08")
        .correlate();
  }

  private static Object variable(ProcessInstance instance, String name) {
    return runtimeService().getVariable(instance.getId(), name);
  }

  @Test
  void invoiceSentBeforeItsDueDateGetsEveryMailAndTheRemindersOfThePolicy() {
    ProcessInstance instance = startCase(SENT_ON);

    assertThat(instance).isWaitingAt("Timer_ThreeDaysAfterSending");
    assertThat(dueDateOfTimer("Timer_ThreeDaysAfterSending")).isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
    execute(job());
    // 29 March 2026 is a Sunday: the pre-due reminder moves to Monday
    assertThat(dueDateOfTimer("Timer_ThreeDaysBeforeDue")).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    execute(job());
    runUntil(instance, "Timer_ReminderDay");
    // regular customers, 1,500 open: reminder 1 after 5 days, friendly, by email
    assertThat(dueDateOfTimer("Timer_ReminderDay")).isEqualTo(Instant.parse("2026-04-06T08:00:00Z"));
    assertThat(variable(instance, ProcessVariables.REMINDER_TONE)).isEqualTo("FRIENDLY");
    execute(job());
    runUntil(instance, "Timer_ReminderDay");
    // reminder 2 after 7 days: a call
    assertThat(variable(instance, ProcessVariables.REMINDER_LEVEL)).isEqualTo(2);
    assertThat(dueDateOfTimer("Timer_ReminderDay")).isEqualTo(Instant.parse("2026-04-08T08:00:00Z"));
    runUntil(instance, "Task_AwaitCallOutcome");

    assertThat(steps).containsExactly("Task_SendInvoice", "Task_SendReceiptCheck",
        "Task_SendPreDueReminder", "Task_DecideNextReminder", "Task_ChargeLateFees", "Task_SendReminder",
        "Task_DecideNextReminder", "Task_ChargeLateFees", "Task_RequestCall");
  }

  @Test
  void invoiceAlreadyDueWhenSentSkipsTheCourtesyMails() {
    ProcessInstance instance = startCase("2026-04-03");

    runUntil(instance, "Timer_ReminderDay");
    assertThat(steps).containsExactly("Task_SendInvoice", "Task_DecideNextReminder");
  }

  @Test
  void invoiceSentOnItsDueDateCountsAsDue() {
    ProcessInstance instance = startCase(DUE);
    assertThat(instance).isWaitingAt("Task_DecideNextReminder").hasNotPassed("Timer_ThreeDaysAfterSending");
  }

  @Test
  void goOnAfterTheCallSendsTheLastReminderThenEscalates() {
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("RESUME");
    execute(job());

    // reminder 3 after 10 days, firm, offering a plan: 11 April is a Saturday, so Monday 13th
    assertThat(instance).isWaitingAt("Timer_ReminderDay");
    assertThat(dueDateOfTimer("Timer_ReminderDay")).isEqualTo(Instant.parse("2026-04-13T08:00:00Z"));
    assertThat(variable(instance, ProcessVariables.REMINDER_TONE)).isEqualTo("FIRM");
    assertThat(variable(instance, ProcessVariables.REMINDER_OFFERS_PLAN)).isEqualTo(true);
    runUntil(instance, "Task_SendSalesRepEscalation");
    assertThat(steps).endsWith("Task_SendReminder", "Task_DecideNextReminder");
    assertThat(variable(instance, ProcessVariables.REMINDER_DUE)).isEqualTo(false);
  }

  @Test
  void customerNotReachedGoesOnWithTheNextReminder() {
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("NOT_REACHED");
    execute(job());

    assertThat(instance).isWaitingAt("Timer_ReminderDay");
    assertThat(variable(instance, ProcessVariables.REMINDER_LEVEL)).isEqualTo(3);
  }

  @Test
  void escalateAtOnceSkipsTheRemainingReminders() {
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("ESCALATE");

    assertThat(instance).isWaitingAt("Task_SendSalesRepEscalation");
    assertThat(variable(instance, ProcessVariables.REMINDER_LEVEL)).isEqualTo(2);
  }

  @Test
  void smallAmountsGetMailsOnlyAndNoCall() {
    facts = new DecideNextReminderDelegate.PolicyFacts("regular", new BigDecimal("35.00"));
    ProcessInstance instance = startCase(SENT_ON);

    runUntil(instance, "Task_SendSalesRepEscalation");
    assertThat(steps).doesNotContain("Task_RequestCall");
    assertThat(steps).endsWith("Task_SendReminder", "Task_DecideNextReminder", "Task_ChargeLateFees",
        "Task_SendReminder", "Task_DecideNextReminder");
  }

  @Test
  void aReminderOnPaperBecomesATaskForAClerk() {
    facts = new DecideNextReminderDelegate.PolicyFacts("public sector", new BigDecimal("1500.00"));
    ProcessInstance instance = startCase(SENT_ON);
    runUntil(instance, "Task_PostReminder");

    // public sector, reminder 1: email and letter, 10 days after the due date
    assertThat(steps).endsWith("Task_ChargeLateFees");
    assertThat(task()).hasCandidateGroup("collectionClerks");
    execute(job());
    assertThat(steps).endsWith("Task_SendReminder");
    complete(task(), withVariables("letterPosted", true));
    execute(job());
    assertThat(instance).isWaitingAt("Timer_ReminderDay").hasPassed("Task_PostReminder", "Task_SendReminder");
    assertThat(variable(instance, ProcessVariables.REMINDER_LEVEL)).isEqualTo(2);
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
  void rejectedDisputeResumesTheRemindersWithTheClockReAnchored() {
    effects.put("reanchorClockDelegate",
        execution -> execution.setVariable(ProcessVariables.DUE_DATE, "2026-04-13"));
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("DISPUTED");
    execute(job());
    complete(task(), withVariables(ProcessVariables.DISPUTE_RESOLUTION, "REJECTED",
        ProcessVariables.DISPUTE_NOTE, "Delivery note signed"));
    execute(job());

    // reminder 3 counts 10 days from the re-anchored date
    assertThat(instance).hasPassed("Task_ReanchorClock").isWaitingAt("Timer_ReminderDay");
    assertThat(dueDateOfTimer("Timer_ReminderDay")).isEqualTo(Instant.parse("2026-04-23T08:00:00Z"));
  }

  @Test
  void aPaymentPlanPausesTheRemindersUntilItEnds() {
    effects.put("reanchorClockDelegate",
        execution -> execution.setVariable(ProcessVariables.DUE_DATE, "2026-05-20"));
    ProcessInstance instance = startCase(SENT_ON);
    runUntil(instance, "Timer_ReminderDay");
    runtimeService().setVariable(instance.getId(), ProcessVariables.ON_PAYMENT_PLAN, true);
    execute(job());

    assertThat(instance).isWaitingAt("Task_AwaitPaymentPlan");
    runtimeService().setVariable(instance.getId(), ProcessVariables.ON_PAYMENT_PLAN, false);
    runtimeService().createMessageCorrelation(PaymentPlanProcess.MESSAGE_PLAN_ENDED)
        .processInstanceId(instance.getId()).correlate();

    // the same reminder 1, now 5 days after the re-anchored date
    assertThat(instance).hasPassed("Task_ReanchorAfterPlan").isWaitingAt("Timer_ReminderDay");
    assertThat(variable(instance, ProcessVariables.REMINDER_LEVEL)).isEqualTo(1);
    assertThat(dueDateOfTimer("Timer_ReminderDay")).isEqualTo(Instant.parse("2026-05-25T08:00:00Z"));
    assertThat(steps).doesNotContain("Task_ChargeLateFees");
  }

  @Test
  void aPolicyChangedMidCaseDecidesTheNextReminder() throws IOException {
    ProcessInstance instance = startCase(SENT_ON);
    runUntil(instance, "Timer_ReminderDay");
    assertThat(variable(instance, ProcessVariables.REMINDER_LEVEL)).isEqualTo(1);

    // a manager changes reminder 2 of regular customers from a call after 7 days to a final
    // mail after 8 days, and deploys the table while this case waits for reminder 1
    String policy = Files.readString(Path.of("processes/dunning-policy.dmn"));
    String changed = policy.replace(
        "<outputEntry id=\"Rule_07_days\">\n          <text>7</text>",
        "<outputEntry id=\"Rule_07_days\">\n          <text>8</text>")
        .replace("<outputEntry id=\"Rule_07_tone\">\n          <text>\"firm\"</text>",
            "<outputEntry id=\"Rule_07_tone\">\n          <text>\"final\"</text>")
        .replace("<outputEntry id=\"Rule_07_channels\">\n          <text>\"call\"</text>",
            "<outputEntry id=\"Rule_07_channels\">\n          <text>\"email\"</text>");
    assertThat(changed).isNotEqualTo(policy);
    String deployment = repositoryService().createDeployment().name("policy change")
        .addString("dunning-policy.dmn", changed).deploy().getId();
    try {
      execute(job());
      execute(job());
      runUntil(instance, "Timer_ReminderDay");

      assertThat(variable(instance, ProcessVariables.REMINDER_LEVEL)).isEqualTo(2);
      assertThat(variable(instance, ProcessVariables.REMINDER_TONE)).isEqualTo("FINAL");
      assertThat(variable(instance, ProcessVariables.REMINDER_BY_CALL)).isEqualTo(false);
      assertThat(dueDateOfTimer("Timer_ReminderDay")).isEqualTo(Instant.parse("2026-04-09T08:00:00Z"));
    } finally {
      repositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void fullEscalationEndsOnCreditHoldAwaitingPayment() {
    ProcessInstance instance = caseWaitingForTheCall();
    callResult("RESUME");
    runUntil(instance, "Task_SalesFollowUp");

    assertThat(instance).isWaitingAt("Task_SalesFollowUp", "Timer_ThirtyDaysAfterDue");
    assertThat(dueDateOfTimer("Timer_ThirtyDaysAfterDue")).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
    complete(task(), withVariables(ProcessVariables.SALES_OUTCOME, "NOT_REACHED"));
    assertThat(instance).hasPassed("End_SalesRepReported").isWaitingAt("Timer_ThirtyDaysAfterDue");
    execute(job());

    assertThat(instance).isWaitingAt("Task_SendCreditHoldNotice");
    execute(job());
    assertThat(instance).isWaitingAt("Task_AwaitPayment");
    assertThat(steps).endsWith("Task_SendSalesRepEscalation", "Task_PlaceCreditHold", "Task_SendCreditHoldNotice");
  }

  /** Every wait state of the case, with the way there: "job" runs the due job, "call:X" the call's result. */
  static Stream<Arguments> waitStates() {
    // invoice, receipt check, pre-due, decide 1, reminder day 1, charges 1, reminder 1, decide 2,
    // reminder day 2, charges 2
    List<String> toCall = List.of("job", "job", "job", "job", "job", "job", "job", "job", "job", "job");
    return Stream.of(
        Arguments.of("Task_SendInvoice", List.of()),
        Arguments.of("Timer_ThreeDaysAfterSending", toCall.subList(0, 1)),
        Arguments.of("Timer_ThreeDaysBeforeDue", toCall.subList(0, 2)),
        Arguments.of("Task_DecideNextReminder", toCall.subList(0, 3)),
        Arguments.of("Timer_ReminderDay", toCall.subList(0, 4)),
        Arguments.of("Task_ChargeLateFees", toCall.subList(0, 5)),
        Arguments.of("Task_SendReminder", toCall.subList(0, 6)),
        Arguments.of("Task_AwaitCallOutcome", toCall),
        Arguments.of("Task_ReviewDispute", then(toCall, "call:DISPUTED", "job")),
        Arguments.of("Task_SalesFollowUp", then(toCall, "call:RESUME", "job", "job", "job", "job", "job", "job")),
        Arguments.of("Task_SendCreditHoldNotice", then(toCall, "call:RESUME", "job", "job", "job", "job", "job", "job", "job")),
        Arguments.of("Task_AwaitPayment", then(toCall, "call:RESUME", "job", "job", "job", "job", "job", "job", "job", "job")));
  }

  private static List<String> then(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  @ParameterizedTest(name = "paid while waiting at {0}")
  @MethodSource("waitStates")
  void paymentAtAnyStageThanksTheCustomerAndEndsTheCase(String waitState, List<String> way) {
    ProcessInstance instance = startCaseWithoutRunning(SENT_ON);
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

  private ProcessInstance startCaseWithoutRunning(String sentOn) {
    effects.put("sendInvoiceDelegate",
        execution -> execution.setVariable(ProcessVariables.INVOICE_SENT_ON, sentOn));
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(
        InvoiceCollectionProcess.PROCESS_KEY, "INV-1",
        withVariables(ProcessVariables.INVOICE_NUMBER, "INV-1", ProcessVariables.CUSTOMER_ID, "C-1",
            ProcessVariables.DUE_DATE, DUE, ProcessVariables.COUNTRY, "SE",
            ProcessVariables.REMINDER_LEVEL, 0, ProcessVariables.ON_PAYMENT_PLAN, false));
    assertThat(instance).isStarted();
    return instance;
  }
}
