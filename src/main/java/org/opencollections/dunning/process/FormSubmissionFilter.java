package org.opencollections.dunning.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.opencollections.dunning.InvalidReportException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the values a task or start form submits, in Tasklist or over the REST API, before the
 * engine sees them. A refusal answers {@code 400} in the REST API's own error format, with a
 * message Tasklist shows as it is; nothing changes. The same checks run again in the listeners,
 * for completions that do not come over HTTP.
 */
public class FormSubmissionFilter extends OncePerRequestFilter {

  private static final Pattern TASK = Pattern.compile(".*/task/([^/]+)/(submit-form|complete)$");
  private static final Pattern START_BY_KEY =
      Pattern.compile(".*/process-definition/key/([^/]+)(/tenant-id/[^/]+)?/(submit-form|start)$");
  private static final Pattern START_BY_ID = Pattern.compile(".*/process-definition/([^/]+)/(submit-form|start)$");

  private final List<FormCheck> checks;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final ObjectMapper json;

  public FormSubmissionFilter(List<FormCheck> checks, IdentityService identityService,
      AuthorizationService authorizationService, TaskService taskService,
      RepositoryService repositoryService, ObjectMapper json) {
    this.checks = checks;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Target target = target(request.getRequestURI());
    FormCheck check = target == null ? null : checkFor(target.formKey());
    var authentication = identityService.getCurrentAuthentication();
    String user = authentication == null ? null : authentication.getUserId();
    if (check != null && target.taskId() != null && user != null
        && !mayWork(user, authentication.getGroupIds(), target)) {
      check = null; // the engine refuses this user anyway: its 403 says more than a form message
    }
    if (check == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    try {
      check.check(submitted(body), target.variables(), user);
    } catch (InvalidReportException e) {
      refuse(response, e.getMessage());
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /** The form being submitted, its task (none for a start form), and the case's variables. */
  private record Target(String formKey, String taskId, String processDefinitionKey,
      Function<String, Object> variables) {
  }

  private Target target(String uri) {
    Matcher task = TASK.matcher(uri);
    if (task.matches()) {
      String taskId = task.group(1);
      Task found = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (found == null) {
        return null;
      }
      String processKey = repositoryService.getProcessDefinition(found.getProcessDefinitionId()).getKey();
      return new Target(found.getTaskDefinitionKey(), taskId, processKey,
          name -> TaskForms.plain(taskService.getVariable(taskId, name)));
    }
    Matcher byKey = START_BY_KEY.matcher(uri);
    if (byKey.matches()) {
      return new Target(byKey.group(1), null, byKey.group(1), name -> null);
    }
    Matcher byId = START_BY_ID.matcher(uri);
    if (byId.matches() && !"key".equals(byId.group(1))) {
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
          .processDefinitionId(byId.group(1)).singleResult();
      return definition == null ? null
          : new Target(definition.getKey(), null, definition.getKey(), name -> null);
    }
    return null;
  }

  /** Whether the user may complete the task. */
  private boolean mayWork(String userId, List<String> groups, Target target) {
    return authorizationService.isUserAuthorized(userId, groups, TaskPermissions.UPDATE,
            Resources.TASK, target.taskId())
        || authorizationService.isUserAuthorized(userId, groups, TaskPermissions.TASK_WORK,
            Resources.TASK, target.taskId())
        || authorizationService.isUserAuthorized(userId, groups, ProcessDefinitionPermissions.UPDATE_TASK,
            Resources.PROCESS_DEFINITION, target.processDefinitionKey())
        || authorizationService.isUserAuthorized(userId, groups, ProcessDefinitionPermissions.TASK_WORK,
            Resources.PROCESS_DEFINITION, target.processDefinitionKey());
  }

  private FormCheck checkFor(String formKey) {
    return checks.stream().filter(check -> check.formsChecked().contains(formKey)).findFirst()
        .orElse(null);
  }

  /** The submitted variables as plain values; a JSON variable (a checklist) becomes a list. */
  private Map<String, Object> submitted(byte[] body) throws IOException {
    Map<String, Object> form = new HashMap<>();
    JsonNode variables = body.length == 0 ? null : json.readTree(body).get("variables");
    if (variables == null) {
      return form;
    }
    variables.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue().get("value");
      String type = field.getValue().path("type").asText("");
      form.put(field.getKey(), plain(value, type));
    });
    return form;
  }

  private Object plain(JsonNode value, String type) {
    if (value == null || value.isNull()) {
      return null;
    }
    if ("Json".equalsIgnoreCase(type) && value.isTextual()) {
      try {
        value = json.readTree(value.asText());
      } catch (IOException e) {
        return value.asText();
      }
    }
    if (value.isArray()) {
      return json.convertValue(value, List.class);
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  private void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(),
        Map.of("type", "InvalidRequestException", "message", message, "code", 0));
  }

  /** The request again, with the body this filter already read. */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("Synchronous reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
          java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
