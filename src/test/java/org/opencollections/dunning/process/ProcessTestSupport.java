package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencollections.dunning.Schedule;

/**
 * Process tests run a diagram on the engine alone: the steps are recorded instead of performed,
 * the timers run on a fixed schedule (2 March 2026, steps due at 08:00 UTC). Each class names the
 * process it walks; after its last test every element of that diagram must have been visited.
 */
abstract class ProcessTestSupport {

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

  @RegisterExtension
  ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-tests.cfg.xml").build();

  /** Registered after the engine, so it runs before the engine removes the test's deployment. */
  @RegisterExtension
  AfterTestExecutionCallback visitedElements = context -> rememberVisitedElements();

  private static final Map<String, Set<String>> visited = new HashMap<>();
  private static final Map<String, Set<String>> elements = new HashMap<>();

  /** The steps performed, by element id, in order. */
  final List<String> steps = new ArrayList<>();

  /** What a step does besides being recorded, by bean name (a delegate that sets a variable). */
  final Map<String, Consumer<DelegateExecution>> effects = new HashMap<>();

  abstract String processKey();

  abstract List<String> delegates();

  abstract List<String> listeners();

  @BeforeEach
  void registerBeans() {
    Mocks.register("schedule", Schedule.realTime(TODAY, ZoneOffset.UTC, LocalTime.of(8, 0)));
    for (String name : delegates()) {
      Mocks.register(name, (JavaDelegate) execution -> {
        steps.add(execution.getCurrentActivityId());
        effects.getOrDefault(name, e -> { }).accept(execution);
      });
    }
    TaskListener noop = task -> { };
    listeners().forEach(name -> Mocks.register(name, noop));
  }

  @AfterEach
  void resetBeans() {
    Mocks.reset();
  }

  private void rememberVisitedElements() {
    var definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey()).latestVersion().singleResult();
    elements.computeIfAbsent(processKey(), key -> repositoryService()
        .getBpmnModelInstance(definition.getId())
        .getModelElementsByType(FlowNode.class).stream()
        .map(FlowNode::getId).collect(Collectors.toSet()));
    historyService().createHistoricActivityInstanceQuery().processDefinitionId(definition.getId())
        .list().stream().map(HistoricActivityInstance::getActivityId)
        .forEach(visited.computeIfAbsent(processKey(), key -> new HashSet<>())::add);
  }

  static void assertEveryElementWasWalked(String processKey) {
    assertThat(elements.get(processKey)).as("elements of " + processKey).isNotEmpty();
    assertThat(visited.get(processKey)).containsAll(elements.get(processKey));
  }

  static Instant dueDateOfTimer(String activityId) {
    return jobQuery().activityId(activityId).singleResult().getDuedate().toInstant();
  }
}
