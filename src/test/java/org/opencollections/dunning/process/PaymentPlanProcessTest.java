package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks every path of processes/payment-plan.bpmn: a plan of three instalments due on 15 April,
 * 15 May and 15 June 2026, each reminded of 3 days before and checked 2 days after.
 */
@Deployment(resources = "processes/payment-plan.bpmn")
class PaymentPlanProcessTest extends ProcessTestSupport {

  private static final List<String> DUE_ON = List.of("2026-04-15", "2026-05-15", "2026-06-15");

  /** The instalment the customer does not pay; 0 when every one is paid. */
  private int missedInstalment;

  @Override
  String processKey() {
    return "paymentPlan";
  }

  @Override
  List<String> delegates() {
    return List.of("setUpPaymentPlanDelegate", "confirmPaymentPlanDelegate", "lookUpInstalmentDelegate",
        "remindOfInstalmentDelegate", "checkInstalmentDelegate", "closeKeptPlanDelegate",
        "resumeRemindersDelegate");
  }

  @Override
  List<String> listeners() {
    return List.of();
  }

  @BeforeEach
  void planOfThreeInstalments() {
    effects.put("setUpPaymentPlanDelegate", execution -> {
      execution.setVariable("planId", 7L);
      execution.setVariable("instalmentCount", DUE_ON.size());
      execution.setVariable("country", "SE");
    });
    effects.put("lookUpInstalmentDelegate", execution -> {
      int number = ((Number) execution.getVariable("loopCounter")).intValue() + 1;
      execution.setVariableLocal("instalmentNumber", number);
      execution.setVariableLocal("instalmentDueOn", DUE_ON.get(number - 1));
    });
    effects.put("checkInstalmentDelegate", execution -> execution.setVariable("instalmentPaid",
        !execution.getVariable("instalmentNumber").equals(missedInstalment)));
  }

  @AfterAll
  static void everyElementOfTheDiagramWasWalked() {
    assertEveryElementWasWalked("paymentPlan");
  }

  /** Starts the plan for invoice INV-1 and runs its set-up, up to the first instalment's timer. */
  private ProcessInstance startPlan() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("paymentPlan", "INV-1",
        withVariables("invoiceNumber", "INV-1"));
    assertThat(instance).isWaitingAt("Task_SetUpPlan");
    execute(job());
    assertThat(instance).isWaitingAt("Task_ConfirmPlan");
    execute(job());
    assertThat(instance).isWaitingAt("Timer_BeforeInstalment");
    return instance;
  }

  /** Runs one instalment from its first timer to its check, asserting when each step falls due. */
  private static void runInstalment(ProcessInstance instance, String remindAt, String checkAt) {
    assertThat(instance).isWaitingAt("Timer_BeforeInstalment");
    assertThat(dueDateOfTimer("Timer_BeforeInstalment")).isEqualTo(Instant.parse(remindAt));
    execute(job());
    assertThat(instance).isWaitingAt("Task_RemindOfInstalment");
    execute(job());
    assertThat(instance).isWaitingAt("Timer_AfterInstalment");
    assertThat(dueDateOfTimer("Timer_AfterInstalment")).isEqualTo(Instant.parse(checkAt));
    execute(job());
  }

  private static long timesRun(ProcessInstance instance, String activityId) {
    return historyService().createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).activityId(activityId).count();
  }

  @Test
  void planWithEveryInstalmentPaidIsClosedAsKept() {
    ProcessInstance instance = startPlan();

    // 12 April 2026 is a Sunday: the reminder moves to Monday 13th
    runInstalment(instance, "2026-04-13T08:00:00Z", "2026-04-17T08:00:00Z");
    // 17 May 2026 is a Sunday: the check moves to Monday 18th
    runInstalment(instance, "2026-05-12T08:00:00Z", "2026-05-18T08:00:00Z");
    // 12 June (Friday) and 17 June (Wednesday) are working days
    runInstalment(instance, "2026-06-12T08:00:00Z", "2026-06-17T08:00:00Z");

    assertThat(instance).isEnded().hasPassed("Task_ClosePlan", "End_PlanKept")
        .hasNotPassed("Boundary_InstalmentMissed", "End_PlanMissed");
    assertThat(timesRun(instance, "SubProcess_EachInstalment")).isEqualTo(3);
    assertThat(timesRun(instance, "End_InstalmentPaid")).isEqualTo(3);
    assertThat(steps).containsExactly("Task_SetUpPlan", "Task_ConfirmPlan",
        "Task_LookUpInstalment", "Task_RemindOfInstalment", "Task_CheckInstalment",
        "Task_LookUpInstalment", "Task_RemindOfInstalment", "Task_CheckInstalment",
        "Task_LookUpInstalment", "Task_RemindOfInstalment", "Task_CheckInstalment",
        "Task_ClosePlan");
  }

  @Test
  void missedInstalmentEndsThePlanAndResumesTheReminders() {
    missedInstalment = 2;
    ProcessInstance instance = startPlan();

    runInstalment(instance, "2026-04-13T08:00:00Z", "2026-04-17T08:00:00Z");
    runInstalment(instance, "2026-05-12T08:00:00Z", "2026-05-18T08:00:00Z");

    assertThat(instance).isEnded()
        .hasPassed("End_InstalmentMissed", "Boundary_InstalmentMissed", "Task_ResumeReminders",
            "End_PlanMissed")
        .hasNotPassed("Task_ClosePlan", "End_PlanKept");
    assertThat(timesRun(instance, "Task_LookUpInstalment")).isEqualTo(2);
    assertThat(steps).endsWith("Task_CheckInstalment", "Task_ResumeReminders")
        .doesNotContain("Task_ClosePlan");
    assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void invoiceSettledWhileThePlanRunsClosesItAsPaidInFull() {
    ProcessInstance instance = startPlan();
    runInstalment(instance, "2026-04-13T08:00:00Z", "2026-04-17T08:00:00Z");
    assertThat(instance).isWaitingAt("Timer_BeforeInstalment");
    int stepsBefore = steps.size();

    runtimeService().createMessageCorrelation("InvoiceSettled")
        .processInstanceBusinessKey("INV-1").correlate();

    assertThat(instance).isWaitingAt("Task_ClosePaidPlan");
    assertThat(jobQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    execute(job());
    assertThat(instance).isEnded().hasPassed("StartEvent_InvoiceSettled", "End_PaidInFull")
        .hasNotPassed("Task_ClosePlan", "End_PlanKept", "End_PlanMissed");
    assertThat(steps.subList(stepsBefore, steps.size())).containsExactly("Task_ClosePaidPlan");
    assertThat(timesRun(instance, "Task_CheckInstalment")).isEqualTo(1);
  }
}
