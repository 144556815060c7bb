package org.opencollections.dunning.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencollections.dunning.HoldChangeRequest;
import org.opencollections.dunning.LiftApproval;

/** Walks every path of processes/credit-hold-change.bpmn. */
@Deployment(resources = "processes/credit-hold-change.bpmn")
class CreditHoldChangeProcessTest extends ProcessTestSupport {

  @Override
  String processKey() {
    return CreditHoldRequests.PROCESS_KEY;
  }

  @Override
  List<String> delegates() {
    return List.of("checkHoldRequestDelegate", "placeHoldByHandDelegate", "liftHoldDelegate");
  }

  @Override
  List<String> listeners() {
    return List.of("prepareHoldSheetListener", "recordLiftDecisionListener");
  }

  @AfterAll
  static void everyElementOfTheDiagramWasWalked() {
    assertEveryElementWasWalked(CreditHoldRequests.PROCESS_KEY);
  }

  private ProcessInstance request(String action) {
    engine.getIdentityService().setAuthenticatedUserId("maria");
    try {
      return runtimeService().startProcessInstanceByKey(CreditHoldRequests.PROCESS_KEY,
          withVariables(HoldChangeRequest.CUSTOMER_ID, "C-1", HoldChangeRequest.ACTION, action,
              HoldChangeRequest.REASON, "Paid in cash at the counter"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void aHoldPlacedByHandTakesEffectAtOnce() {
    ProcessInstance change = request("PLACE");

    assertThat(change).isEnded().hasPassed("Task_CheckRequest", "Task_PlaceHoldByHand", "End_HoldPlaced")
        .variables().containsEntry("requestedBy", "maria");
  }

  @Test
  void aLiftWaitsForASecondManager() {
    ProcessInstance change = request("LIFT");

    assertThat(change).isWaitingAt("Task_ApproveLift");
    assertThat(task()).hasCandidateGroup("collectionsManagers");
    complete(task(), withVariables(LiftApproval.DECISION, "APPROVE", LiftApproval.NOTE, "Checked"));

    assertThat(change).isEnded().hasPassed("Task_LiftHold", "End_HoldLifted");
  }

  @Test
  void aRefusedLiftLeavesTheHold() {
    ProcessInstance change = request("LIFT");
    assertThat(change).isWaitingAt("Task_ApproveLift");
    complete(task(), withVariables(LiftApproval.DECISION, "REFUSE", LiftApproval.NOTE, "Still unpaid"));

    assertThat(change).isEnded().hasPassed("End_LiftRefused").hasNotPassed("Task_LiftHold");
  }
}
