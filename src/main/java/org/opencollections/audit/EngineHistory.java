package org.opencollections.audit;

import static org.opencollections.audit.HistoryEvent.Category;
import static org.opencollections.audit.HistoryEvent.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.opencollections.dunning.process.PaymentPlanProcess;
import org.opencollections.dunning.process.ProcessVariables;
import org.opencollections.invoice.Invoice;
import org.springframework.stereotype.Component;

/**
 * What the process engine's history knows about an invoice: its case (with the process version it
 * ran on) and its payment plans, their user tasks, what people did to them (claims, assignments,
 * changes made in Cockpit), and incidents. Read through the public history API only.
 */
@Component
class EngineHistory {

  /** Completions are shown with the task; the other operations people perform are listed as they are. */
  private static final String COMPLETE = UserOperationLogEntry.OPERATION_TYPE_COMPLETE;

  private final HistoryService historyService;

  EngineHistory(HistoryService historyService) {
    this.historyService = historyService;
  }

  List<HistoryEvent> eventsOf(Invoice invoice) {
    List<HistoricProcessInstance> instances = new ArrayList<>();
    if (invoice.getProcessInstanceId() != null) {
      instances.addAll(historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(invoice.getProcessInstanceId()).list());
    }
    instances.addAll(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PaymentPlanProcess.PROCESS_KEY)
        .variableValueEquals(ProcessVariables.INVOICE_NUMBER, invoice.getInvoiceNumber())
        .orderByProcessInstanceStartTime().asc().list());
    List<HistoryEvent> events = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      events.addAll(instanceEvents(instance));
    }
    return events;
  }

  private List<HistoryEvent> instanceEvents(HistoricProcessInstance instance) {
    List<HistoryEvent> events = new ArrayList<>();
    String process = instance.getProcessDefinitionName() + " (" + instance.getProcessDefinitionKey()
        + ") version " + instance.getProcessDefinitionVersion();
    boolean isCase = !PaymentPlanProcess.PROCESS_KEY.equals(instance.getProcessDefinitionKey());
    events.add(HistoryEvent.of(at(instance.getStartTime()), Category.CASE,
        isCase ? "Case started" : "Payment plan process started",
        process + ", instance " + instance.getId(), orSystem(instance.getStartUserId()), Source.ENGINE));
    if (instance.getEndTime() != null) {
      boolean completed = HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState());
      events.add(HistoryEvent.of(at(instance.getEndTime()), Category.CASE,
          (isCase ? "Case " : "Payment plan process ") + (completed ? "ended" : "cancelled"),
          process + (instance.getDeleteReason() == null ? "" : "; " + instance.getDeleteReason()),
          "system", Source.ENGINE));
    }
    Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
    historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().list()
        .forEach(task -> tasks.put(task.getId(), task));
    for (HistoricTaskInstance task : tasks.values()) {
      events.add(HistoryEvent.of(at(task.getStartTime()), Category.TASK, "Task created: " + task.getName(),
          task.getAssignee() == null ? "waiting for a person of the task's group"
              : "assigned to " + task.getAssignee(),
          "system", Source.ENGINE));
      if (task.getEndTime() != null) {
        boolean completed = "completed".equals(task.getDeleteReason());
        events.add(HistoryEvent.of(at(task.getEndTime()), Category.TASK,
            (completed ? "Task completed: " : "Task closed: ") + task.getName(),
            completed ? "" : "closed by the process (" + task.getDeleteReason() + ")",
            completed ? orEmpty(task.getAssignee()) : "system", Source.ENGINE));
      }
    }
    Map<String, List<UserOperationLogEntry>> operations = historyService.createUserOperationLogQuery()
        .processInstanceId(instance.getId()).orderByTimestamp().asc().list().stream()
        .filter(entry -> !COMPLETE.equals(entry.getOperationType()))
        .collect(Collectors.groupingBy(UserOperationLogEntry::getOperationId, LinkedHashMap::new,
            Collectors.toList()));
    for (List<UserOperationLogEntry> operation : operations.values()) {
      UserOperationLogEntry first = operation.get(0);
      HistoricTaskInstance task = first.getTaskId() == null ? null : tasks.get(first.getTaskId());
      String changes = operation.stream()
          .filter(entry -> entry.getProperty() != null)
          .map(entry -> entry.getProperty() + ": " + orDash(entry.getOrgValue()) + " → " + orDash(entry.getNewValue()))
          .collect(Collectors.joining("; "));
      events.add(HistoryEvent.of(at(first.getTimestamp()), Category.USER_ACTION,
          operation(first) + (task == null ? "" : ": " + task.getName()), changes,
          orEmpty(first.getUserId()), Source.ENGINE));
    }
    for (HistoricIncident incident : historyService.createHistoricIncidentQuery()
        .processInstanceId(instance.getId()).orderByCreateTime().asc().list()) {
      events.add(HistoryEvent.of(at(incident.getCreateTime()), Category.INCIDENT,
          "Incident at " + incident.getActivityId(), orEmpty(incident.getIncidentMessage()), "system",
          Source.ENGINE));
      if (incident.getEndTime() != null) {
        events.add(HistoryEvent.of(at(incident.getEndTime()), Category.INCIDENT,
            incident.isResolved() ? "Incident resolved" : "Incident closed",
            "at " + incident.getActivityId(), "system", Source.ENGINE));
      }
    }
    return events;
  }

  /** "Task claimed", "Process instance suspended": the operation in words. */
  private static String operation(UserOperationLogEntry entry) {
    String entity = InvoiceHistory.words(entry.getEntityType().replaceAll("([a-z])([A-Z])", "$1_$2"));
    String type = entry.getOperationType();
    String done = switch (type) {
      case UserOperationLogEntry.OPERATION_TYPE_CLAIM -> "claimed";
      case UserOperationLogEntry.OPERATION_TYPE_ASSIGN -> "assigned";
      case UserOperationLogEntry.OPERATION_TYPE_DELEGATE -> "delegated";
      case UserOperationLogEntry.OPERATION_TYPE_RESOLVE -> "resolved";
      case UserOperationLogEntry.OPERATION_TYPE_SET_OWNER -> "given an owner";
      case UserOperationLogEntry.OPERATION_TYPE_SUSPEND -> "suspended";
      case UserOperationLogEntry.OPERATION_TYPE_ACTIVATE -> "activated";
      case UserOperationLogEntry.OPERATION_TYPE_DELETE -> "deleted";
      case UserOperationLogEntry.OPERATION_TYPE_MIGRATE -> "migrated";
      default -> "changed (" + InvoiceHistory.words(type.replaceAll("([a-z])([A-Z])", "$1_$2"))
          .toLowerCase(Locale.ROOT) + ")";
    };
    return entity + " " + done;
  }

  private static Instant at(Date date) {
    return date.toInstant();
  }

  private static String orSystem(String user) {
    return user == null ? "system" : user;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String orDash(String value) {
    return value == null ? "–" : value;
  }
}
