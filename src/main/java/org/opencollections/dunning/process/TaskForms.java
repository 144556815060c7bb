package org.opencollections.dunning.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.opencollections.dunning.InvalidReportException;

/** What the listeners of task forms share: reading the submitted form, and who submitted it. */
final class TaskForms {

  private TaskForms() {
  }

  /** Checks a submitted form; a value that cannot be recorded refuses the completion with its message. */
  static <T> T read(Supplier<T> report) {
    try {
      return report.get();
    } catch (InvalidReportException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  /** The values of the named fields, as plain Java values (JSON lists become lists of strings). */
  static Map<String, Object> values(VariableScope scope, String... fields) {
    Map<String, Object> values = new HashMap<>();
    for (String field : fields) {
      values.put(field, plain(scope.getVariable(field)));
    }
    return values;
  }

  /** A form's value as plain Java: a JSON array (Camunda Forms checklists) becomes a list of strings. */
  static Object plain(Object value) {
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        return json.elements().stream()
            .map(element -> element.isString() ? element.stringValue() : element.toString())
            .toList();
      }
      return json.isString() ? json.stringValue() : json.toString();
    }
    return value;
  }

  /** A variable holding a JSON list of strings, such as the invoices a call covers. */
  @SuppressWarnings("unchecked")
  static List<String> strings(Object value) {
    Object plain = plain(value);
    if (plain instanceof List<?> list) {
      return (List<String>) list;
    }
    return plain == null ? List.of() : List.of(plain.toString());
  }

  /** Rows, choices or lists as a JSON variable for a form's table, select or checklist. */
  static Object json(ObjectMapper mapper, Object value) {
    try {
      return SpinValues.jsonValue(mapper.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a form value as JSON", e);
    }
  }

  /** A list of strings as a JSON variable, the way Camunda Forms submit a checklist. */
  static Object jsonList(List<String> values) {
    StringBuilder json = new StringBuilder("[");
    for (String value : values) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return SpinValues.jsonValue(json.append(']').toString()).create();
  }

  /** Who completed a task: the user logged into Tasklist or the REST API, else the assignee. */
  static String actor(DelegateTask task) {
    var authentication = task.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }
}
