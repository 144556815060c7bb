package org.opencollections.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a manager opening processes/ in Camunda Modeler relies on: every element drawn and named,
 * timers readable, forms that exist, and a diagram that fits on one screen.
 */
class DiagramTest {

  static Stream<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).toList().stream();
    }
  }

  private static BpmnModelInstance read(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void isValidAndDeclaresAHistoryTimeToLive(Path file) {
    BpmnModelInstance model = read(file);
    Bpmn.validateModel(model);
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      assertThat(process.isExecutable()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyElementHasANameForAManager(Path file) {
    List<String> unnamed = read(file).getModelElementsByType(FlowElement.class).stream()
        .filter(element -> !(element instanceof SequenceFlow))
        .filter(element -> element.getName() == null || element.getName().isBlank())
        .map(BaseElement::getId)
        .toList();
    assertThat(unnamed).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyElementAndFlowIsDrawn(Path file) {
    BpmnModelInstance model = read(file);
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> edge.getWaypoints().size() >= 2)
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

    assertThat(shapes).containsAll(ids(model.getModelElementsByType(FlowNode.class)));
    assertThat(edges).containsAll(ids(model.getModelElementsByType(SequenceFlow.class)));
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void shapesDoNotOverlapAndFitOnOneScreen(Path file) {
    BpmnModelInstance model = read(file);
    List<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> !Boolean.TRUE.equals(shape.isExpanded()))
        .filter(shape -> !(shape.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent))
        .toList();
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        assertThat(overlap(shapes.get(i).getBounds(), shapes.get(j).getBounds()))
            .as(shapes.get(i).getBpmnElement().getId() + " / " + shapes.get(j).getBpmnElement().getId())
            .isFalse();
      }
    }
    List<Bounds> all = model.getModelElementsByType(BpmnShape.class).stream()
        .map(BpmnShape::getBounds).toList();
    double width = all.stream().mapToDouble(b -> b.getX() + b.getWidth()).max().orElse(0)
        - all.stream().mapToDouble(Bounds::getX).min().orElse(0);
    double height = all.stream().mapToDouble(b -> b.getY() + b.getHeight()).max().orElse(0)
        - all.stream().mapToDouble(Bounds::getY).min().orElse(0);
    // a full-HD screen (1920 x 1080) shows 2400 x 1000 of the diagram at 80 % zoom
    assertThat(width).isLessThanOrEqualTo(2400);
    assertThat(height).isLessThanOrEqualTo(1000);
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void idsSayWhatTheElementIs(Path file) {
    Map<String, String> prefixes = Map.of(
        "startEvent", "StartEvent_", "endEvent", "End_", "serviceTask", "Task_",
        "userTask", "Task_", "receiveTask", "Task_", "exclusiveGateway", "Gateway_",
        "parallelGateway", "Gateway_", "intermediateCatchEvent", "Timer_",
        "boundaryEvent", "Boundary", "subProcess", "SubProcess_");
    for (FlowElement element : read(file).getModelElementsByType(FlowElement.class)) {
      String prefix = prefixes.get(element.getElementType().getTypeName());
      if (prefix != null) {
        assertThat(element.getId()).as(element.getName()).startsWith(prefix);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void timersReadTheirOffsetFromTheSchedule(Path file) {
    for (TimerEventDefinition timer : read(file).getModelElementsByType(TimerEventDefinition.class)) {
      assertThat(timer.getTimeDate()).as("timer in " + timer.getParentElement().getAttributeValue("id"))
          .isNotNull();
      assertThat(timer.getTimeDate().getTextContent())
          .matches("\\$\\{schedule\\.(days(After|Before|FromToday)\\(.*\\)|nextWorkingDay\\((country)?\\))}");
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyUserTaskHasSomeoneToDoItAndAFormThatExists(Path file) throws IOException {
    Map<String, JsonNode> forms = forms();
    for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
      boolean assignedByListener = task.getExtensionElements() != null
          && task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()
              .stream().anyMatch(listener -> "create".equals(listener.getCamundaEvent())
                  && listener.getCamundaDelegateExpression().startsWith("${assign"));
      assertThat(task.getCamundaCandidateGroups() != null || assignedByListener)
          .as(task.getId() + " has a candidate group or a listener that assigns it").isTrue();
      assertThat(forms).as(task.getId() + " form").containsKey(task.getCamundaFormRef());
    }
    for (StartEvent start : read(file).getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertThat(forms).as(start.getId() + " form").containsKey(start.getCamundaFormRef());
      }
    }
  }

  private static Map<String, JsonNode> forms() throws IOException {
    ObjectMapper json = new ObjectMapper();
    File[] files = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
    assertThat(files).isNotEmpty();
    return Stream.of(files).map(file -> {
      try {
        return json.readTree(file);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + file, e);
      }
    }).collect(Collectors.toMap(form -> form.get("id").asText(), Function.identity()));
  }

  private static Set<String> ids(Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
