package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencollections.dunning.Schedule;

/**
 * Walks every path of processes/invoice-collection.bpmn with the engine alone: the steps are
 * recorded instead of performed, the timers run on a fixed schedule. After the last test, every
 * element of the diagram must have been visited.
 */
@Deployment(resources = "processes/invoice-collection.bpmn")
class InvoiceCollectionProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-tests.cfg.xml").build();

  /** Registered after the engine, so it runs before the engine removes the test's deployment. */
  @RegisterExtension
  AfterTestExecutionCallback visitedElements = context -> rememberVisitedElements();

  private static final String SENT_ON = "2026-03-02";
  private static final String DUE = "2026-04-01";
  private static final Set<String> visited = new HashSet<>();
  private static Set<String> flowNodes = Set.of();

  private final List<String> steps = new ArrayList<>();

  @BeforeEach
  void registerBeans() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    Mocks.register("schedule", Schedule.realTime(clock, ZoneOffset.UTC, LocalTime.of(8, 0)));
    for (String delegate : List.of("sendReceiptCheckDelegate", "sendPreDueReminderDelegate",
        "sendOverdueNoticeDelegate", "sendSalesRepEscalationDelegate", "sendThankYouDelegate",
        "placeCreditHoldDelegate", "cancelInvoiceDelegate")) {
      Mocks.register(delegate, recorder());
    }
    Mocks.register("sendInvoiceDelegate", (JavaDelegate) execution -> {
      steps.add(execution.getCurrentActivityId());
      execution.setVariable(ProcessVariables.INVOICE_SENT_ON, execution.getVariable("sentOnForTest"));
    });
    TaskListener noop = task -> { };
    for (String listener : List.of("prepareCaseSheetListener", "recordCallOutcomeListener",
        "recordDisputeDecisionListener", "recordSalesRepReportListener")) {
      Mocks.register(listener, noop);
    }
  }

  private void rememberVisitedElements() {
    if (flowNodes.isEmpty()) {
      flowNodes = repositoryService().getBpmnModelInstance(
              repositoryService().createProcessDefinitionQuery()
                  .processDefinitionKey(InvoiceCollectionProcess.PROCESS_KEY).singleResult().getId())
          .getModelElementsByType(FlowNode.class).stream()
          .map(FlowNode::getId).collect(java.util.stream.Collectors.toSet());
    }
    historyService().createHistoricActivityInstanceQuery().list().stream()
        .map(HistoricActivityInstance::getActivityId).forEach(visited::add);
  }

  @AfterEach
  void resetBeans() {
    Mocks.reset();
  }

  @AfterAll
  static void everyElementOfTheDiagramWasWalked() {
    assertThat(flowNodes).contains("StartEvent_InvoicePosted", "End_InvoicePaid");
    assertThat(visited).containsAll(flowNodes);
  }

  private JavaDelegate recorder() {
    return execution -> steps.add(execution.getCurrentActivityId());
  }

  private ProcessInstance startCase(String sentOn) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(
        InvoiceCollectionProcess.PROCESS_KEY, "INV-1",
        withVariables(ProcessVariables.INVOICE_NUMBER, "INV-1", ProcessVariables.CUSTOMER_ID, "C-1",
            ProcessVariables.DUE_DATE, DUE, "sentOnForTest", sentOn));
    assertThat(instance).isWaitingAt("Task_SendInvoice");
    execute(job());
    return instance;
  }

  /** A case sent before its due date, run up to the clerk's call. */
  private ProcessInstance caseAtTheCall() {
    ProcessInstance instance = startCase(SENT_ON);
    for (int i = 0; i < 4; i++) {
      execute(job());
    }
    assertThat(instance).isWaitingAt("Task_CallCustomer");
    return instance;
  }

  private static Instant dueDateOfTimer(String activityId) {
    Date due = jobQuery().activityId(activityId).singleResult().getDuedate();
    return due.toInstant();
  }

  @Test
  void invoiceSentBeforeItsDueDateGetsEveryMailUpToTheCall() {
    ProcessInstance instance = startCase(SENT_ON);

    assertThat(instance).isWaitingAt("Timer_ThreeDaysAfterSending");
    assertThat(dueDateOfTimer("Timer_ThreeDaysAfterSending")).isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
    execute(job());
    assertThat(instance).isWaitingAt("Timer_ThreeDaysBeforeDue");
    assertThat(dueDateOfTimer("Timer_ThreeDaysBeforeDue")).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
    execute(job());
    assertThat(instance).isWaitingAt("Timer_FiveDaysAfterDue");
    assertThat(dueDateOfTimer("Timer_FiveDaysAfterDue")).isEqualTo(Instant.parse("2026-04-06T08:00:00Z"));
    execute(job());
    assertThat(instance).isWaitingAt("Timer_SevenDaysAfterDue");
    assertThat(dueDateOfTimer("Timer_SevenDaysAfterDue")).isEqualTo(Instant.parse("2026-04-08T08:00:00Z"));
    execute(job());

    assertThat(instance).isWaitingAt("Task_CallCustomer");
    assertThat(task()).hasCandidateGroup("collectionClerks")
        .hasDueDate(Date.from(Instant.parse("2026-04-09T08:00:00Z")));
    assertThat(dueDateOfTimer("BoundaryTimer_NotCalledInTime")).isEqualTo(Instant.parse("2026-04-11T08:00:00Z"));
    assertThat(steps).containsExactly("Task_SendInvoice", "Task_SendReceiptCheck",
        "Task_SendPreDueReminder", "Task_SendOverdueNotice");
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
  void promiseToPayWaitsUntilTheDayAfterThePromisedDate() {
    ProcessInstance instance = caseAtTheCall();
    complete(task(), withVariables(ProcessVariables.CALL_OUTCOME, "PROMISED_TO_PAY",
        ProcessVariables.PROMISED_DATE, "2026-04-20"));

    assertThat(instance).isWaitingAt("Timer_DayAfterPromisedDate");
    assertThat(dueDateOfTimer("Timer_DayAfterPromisedDate")).isEqualTo(Instant.parse("2026-04-21T08:00:00Z"));
    execute(job());
    assertThat(instance).isWaitingAt("Timer_TenDaysAfterDue");
    execute(job());
    assertThat(instance).isWaitingAt("Task_SendSalesRepEscalation");
  }

  @Test
  void noAnswerEscalatesTenDaysAfterTheDueDate() {
    ProcessInstance instance = caseAtTheCall();
    complete(task(), withVariables(ProcessVariables.CALL_OUTCOME, "NO_ANSWER"));

    assertThat(instance).isWaitingAt("Timer_TenDaysAfterDue");
    assertThat(dueDateOfTimer("Timer_TenDaysAfterDue")).isEqualTo(Instant.parse("2026-04-11T08:00:00Z"));
  }

  @Test
  void reportedPaymentGetsFiveDaysToArrive() {
    ProcessInstance instance = caseAtTheCall();
    complete(task(), withVariables(ProcessVariables.CALL_OUTCOME, "ALREADY_PAID"));

    assertThat(instance).isWaitingAt("Timer_FiveDaysForPayment");
    assertThat(dueDateOfTimer("Timer_FiveDaysForPayment")).isEqualTo(Instant.parse("2026-03-07T08:00:00Z"));
    execute(job());
    assertThat(instance).isWaitingAt("Timer_TenDaysAfterDue");
  }

  @Test
  void upheldDisputeCancelsTheInvoice() {
    ProcessInstance instance = caseAtTheCall();
    complete(task(), withVariables(ProcessVariables.CALL_OUTCOME, "DISPUTED"));

    assertThat(instance).isWaitingAt("Task_ReviewDispute");
    assertThat(task()).hasCandidateGroup("collectionsManagers");
    complete(task(), withVariables(ProcessVariables.DISPUTE_RESOLUTION, "UPHELD",
        ProcessVariables.DISPUTE_NOTE, "Goods were damaged"));

    assertThat(instance).isEnded().hasPassed("Task_CancelInvoice", "End_InvoiceCancelled");
    assertThat(steps).endsWith("Task_CancelInvoice");
  }

  @Test
  void rejectedDisputeEscalatesAtOnce() {
    ProcessInstance instance = caseAtTheCall();
    complete(task(), withVariables(ProcessVariables.CALL_OUTCOME, "DISPUTED"));
    complete(task(), withVariables(ProcessVariables.DISPUTE_RESOLUTION, "REJECTED",
        ProcessVariables.DISPUTE_NOTE, "Delivery note signed"));

    assertThat(instance).isWaitingAt("Task_SendSalesRepEscalation");
  }

  @Test
  void callNotMadeByTenDaysAfterDueEscalates() {
    ProcessInstance instance = caseAtTheCall();
    execute(job("BoundaryTimer_NotCalledInTime"));

    assertThat(instance).isWaitingAt("Task_SendSalesRepEscalation").isNotWaitingAt("Task_CallCustomer");
  }

  @Test
  void fullEscalationEndsOnCreditHoldAwaitingPayment() {
    ProcessInstance instance = caseAtTheCall();
    complete(task(), withVariables(ProcessVariables.CALL_OUTCOME, "NO_ANSWER"));
    execute(job());
    execute(job());

    assertThat(instance).isWaitingAt("Task_SalesFollowUp", "Timer_ThirtyDaysAfterDue");
    assertThat(task()).hasCandidateGroup("salesReps");
    assertThat(dueDateOfTimer("Timer_ThirtyDaysAfterDue")).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
    complete(task(), withVariables(ProcessVariables.SALES_OUTCOME, "NOT_REACHED"));
    assertThat(instance).hasPassed("End_SalesRepReported").isWaitingAt("Timer_ThirtyDaysAfterDue");
    execute(job());

    assertThat(instance).isWaitingAt("Task_AwaitPayment");
    assertThat(steps).endsWith("Task_SendSalesRepEscalation", "Task_PlaceCreditHold");
  }

  /** Every wait state of the case, with the way there: "job" runs the due job, "call:X" reports a call. */
  static Stream<Arguments> waitStates() {
    List<String> toCall = List.of("job", "job", "job", "job", "job");
    return Stream.of(
        Arguments.of("Task_SendInvoice", List.of()),
        Arguments.of("Timer_ThreeDaysAfterSending", toCall.subList(0, 1)),
        Arguments.of("Timer_ThreeDaysBeforeDue", toCall.subList(0, 2)),
        Arguments.of("Timer_FiveDaysAfterDue", toCall.subList(0, 3)),
        Arguments.of("Timer_SevenDaysAfterDue", toCall.subList(0, 4)),
        Arguments.of("Task_CallCustomer", toCall),
        Arguments.of("Timer_DayAfterPromisedDate", then(toCall, "call:PROMISED_TO_PAY")),
        Arguments.of("Timer_FiveDaysForPayment", then(toCall, "call:ALREADY_PAID")),
        Arguments.of("Task_ReviewDispute", then(toCall, "call:DISPUTED")),
        Arguments.of("Timer_TenDaysAfterDue", then(toCall, "call:NO_ANSWER")),
        Arguments.of("Task_SalesFollowUp", then(toCall, "call:NO_ANSWER", "job", "job")),
        Arguments.of("Task_AwaitPayment", then(toCall, "call:NO_ANSWER", "job", "job", "job")));
  }

  private static List<String> then(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  @ParameterizedTest(name = "paid while waiting at {0}")
  @MethodSource("waitStates")
  void paymentAtAnyStageThanksTheCustomerAndEndsTheCase(String waitState, List<String> way) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(
        InvoiceCollectionProcess.PROCESS_KEY, "INV-1",
        withVariables(ProcessVariables.INVOICE_NUMBER, "INV-1", ProcessVariables.DUE_DATE, DUE,
            "sentOnForTest", SENT_ON));
    assertThat(instance).isStarted();
    for (String step : way) {
      if (step.equals("job")) {
        execute(job());
      } else {
        complete(task(), withVariables(ProcessVariables.CALL_OUTCOME, step.substring(5),
            ProcessVariables.PROMISED_DATE, "2026-04-20"));
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
}
