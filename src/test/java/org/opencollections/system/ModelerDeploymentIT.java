package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Camunda Modeler's <i>Deploy</i> against the running application, the request built as Modeler 5
 * sends it (multipart: deployment-name, deployment-source "Camunda Modeler",
 * enable-duplicate-filtering "true", then each file in a part named by its file name; HTTP basic):
 * who may deploy, what an invalid diagram gets, which version new and running cases use, forms,
 * retention, rolling back, and the migration command of docs/deployment.md.
 */
class ModelerDeploymentIT extends IntegrationTest {

  private static final String INVOICE_COLLECTION = "invoiceCollection";
  private static final String CREDIT_HOLD_CHANGE = "creditHoldChange";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;
  @Value("${camunda.bpm.admin-user.id}")
  String admin;
  @Value("${camunda.bpm.admin-user.password}")
  String adminPassword;

  /** A file as Modeler sends it: its name (without folder) and its content. */
  private record ModelerFile(String name, String content) {
  }

  private static ModelerFile file(String name, String content) {
    return new ModelerFile(name, content);
  }

  private static String repositoryFile(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The invoice collection of processes/ with a label of its own, so it is a change. */
  private static String invoiceCollectionLabelled(String label) {
    return repositoryFile("processes/invoice-collection.bpmn")
        .replace("name=\"Check the invoice arrived\"", "name=\"" + label + "\"");
  }

  private static String creditHoldChangeLabelled(String label) {
    return repositoryFile("processes/credit-hold-change.bpmn")
        .replace("name=\"Check the request\"", "name=\"" + label + "\"");
  }

  /**
   * {@code POST /engine-rest/deployment/create} as Camunda Modeler 5 sends it
   * (CamundaAPI#deployDiagram): the three fields, the diagram as text/xml, then the attached files,
   * each part named by its file name; HTTP basic for a user, nothing without one.
   */
  private Answer modelerDeploy(String user, String password, String deploymentName, ModelerFile diagram,
      ModelerFile... attachments) {
    String boundary = "----WebKitFormBoundary" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "deployment-name", deploymentName);
    field(body, boundary, "deployment-source", "Camunda Modeler");
    field(body, boundary, "enable-duplicate-filtering", "true");
    part(body, boundary, diagram, "text/xml");
    for (ModelerFile attachment : attachments) {
      part(body, boundary, attachment, "application/octet-stream");
    }
    write(body, "--" + boundary + "--\r\n");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    ResponseEntity<String> response = rest.exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(body.toByteArray(), headers), String.class);
    return new Answer(response.getStatusCode().value(), readJson(response.getBody()));
  }

  private Answer modelerDeploy(String user, String deploymentName, ModelerFile diagram,
      ModelerFile... attachments) {
    return modelerDeploy(user, TestUsers.PASSWORD, deploymentName, diagram, attachments);
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
        + value + "\r\n");
  }

  private static void part(ByteArrayOutputStream body, String boundary, ModelerFile file, String type) {
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
        + "\"; filename=\"" + file.name() + "\"\r\nContent-Type: " + type + "\r\n\r\n" + file.content()
        + "\r\n");
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode readJson(String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + body, e);
    }
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult();
  }

  /** The case of an invoice posted on 2 March 2026, sent and waiting three days to ask about it. */
  private String caseWaitingForItsReceiptCheck(String invoiceNumber) {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(post("/api/invoices", invoice(invoiceNumber)).status()).isEqualTo(201);
    time.runDueJobs();
    return caseOf(invoiceNumber);
  }

  private String caseOf(String invoiceNumber) {
    return get("/api/invoices/" + invoiceNumber).text("/caseId");
  }

  private String versionOfCase(String caseId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult()
        .getProcessDefinitionId();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  /**
   * The migration command of docs/deployment.md, call by call, as the given user: every running
   * case of the given version of the invoice collection to the latest version. Returns the answer
   * of the last call made.
   */
  private Answer migrateToLatest(String user, String password, int version) {
    String source = call(user, password, HttpMethod.GET,
        "/engine-rest/process-definition?key=invoiceCollection&version=" + version, null).body().get(0)
        .get("id").asText();
    String target = call(user, password, HttpMethod.GET, "/engine-rest/process-definition/key/invoiceCollection",
        null).text("/id");
    Answer plan = call(user, password, HttpMethod.POST, "/engine-rest/migration/generate",
        "{\"sourceProcessDefinitionId\": \"" + source + "\", \"targetProcessDefinitionId\": \"" + target + "\"}");
    if (plan.status() != 200) {
      return plan;
    }
    return call(user, password, HttpMethod.POST, "/engine-rest/migration/execute",
        "{\"migrationPlan\": " + plan.body() + ", \"processInstanceQuery\": {\"processDefinitionId\": \""
            + source + "\"}}");
  }

  /** A JSON request with a password of its own (the administrator's is not the test users'). */
  private Answer call(String user, String password, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, password);
    ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    return new Answer(response.getStatusCode().value(), readJson(response.getBody()));
  }

  @Test
  void aManagerDeploysFromModelerAndTheSameDiagramTwiceMakesOneVersion() {
    int before = latest(INVOICE_COLLECTION).getVersion();
    // Modeler checks the endpoint and reads the engine's version before it deploys
    assertThat(call(TestUsers.MANAGER, HttpMethod.GET, "/engine-rest/deployment?maxResults=0", null).status())
        .isEqualTo(200);
    assertThat(call(TestUsers.MANAGER, HttpMethod.GET, "/engine-rest/version", null).text("/version"))
        .startsWith("7.24");
    // a diagram without historyTimeToLive: the engine's configured default applies
    ModelerFile diagram = file("invoice-collection.bpmn", invoiceCollectionLabelled("Check the invoice arrived safely")
        .replace(" camunda:historyTimeToLive=\"3650\"", ""));
    ModelerFile form = file("review-dispute.form", repositoryFile("forms/review-dispute.form"));

    Answer deployed = modelerDeploy(TestUsers.MANAGER, "invoice-collection", diagram, form);

    assertThat(deployed.status()).isEqualTo(200);
    assertThat(deployed.text("/name")).isEqualTo("invoice-collection");
    assertThat(deployed.text("/source")).isEqualTo("Camunda Modeler");
    List<JsonNode> definitions = list(deployed.body().get("deployedProcessDefinitions"));
    assertThat(definitions).hasSize(1);
    assertThat(definitions.get(0).get("key").asText()).isEqualTo(INVOICE_COLLECTION);
    assertThat(definitions.get(0).get("version").asInt()).isEqualTo(before + 1);
    assertThat(definitions.get(0).get("resource").asText()).isEqualTo("invoice-collection.bpmn");
    String deploymentId = deployed.text("/id");
    assertThat(repositoryService.getDeploymentResources(deploymentId)).extracting(Resource::getName)
        .containsExactlyInAnyOrder("invoice-collection.bpmn", "review-dispute.form");
    // the manager finds the new version as the latest, on the configured retention
    JsonNode listed = call(TestUsers.MANAGER, HttpMethod.GET,
        "/engine-rest/process-definition?key=invoiceCollection&latestVersion=true", null).body().get(0);
    assertThat(listed.get("version").asInt()).isEqualTo(before + 1);
    assertThat(listed.get("historyTimeToLive").asInt()).isEqualTo(3650);

    // deploying the unchanged diagram again answers with the same deployment and makes no version
    Answer again = modelerDeploy(TestUsers.MANAGER, "invoice-collection", diagram, form);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("/id")).isEqualTo(deploymentId);
    assertThat(again.body().get("deployedProcessDefinitions").isNull()).isTrue();
    assertThat(latest(INVOICE_COLLECTION).getVersion()).isEqualTo(before + 1);

    // the manager reads the deployment but may not delete it, with or without its cases
    assertThat(call(TestUsers.MANAGER, HttpMethod.GET, "/engine-rest/deployment/" + deploymentId, null).status())
        .isEqualTo(200);
    Answer deletion = call(TestUsers.MANAGER, HttpMethod.DELETE,
        "/engine-rest/deployment/" + deploymentId + "?cascade=true", null);
    assertThat(deletion.status()).isEqualTo(403);
    assertThat(deletion.text("/message")).isEqualTo("The user with id 'maria' does not have 'DELETE' permission on"
        + " resource '" + deploymentId + "' of type 'Deployment'.");
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
  }

  @Test
  void clerksSalesRepsAuditorsAndTheBillingSystemAreRefusedAndNothingIsDeployed() {
    ProcessDefinition before = latest(INVOICE_COLLECTION);
    long deployments = repositoryService.createDeploymentQuery().count();
    ModelerFile diagram = file("invoice-collection.bpmn", invoiceCollectionLabelled("Check the invoice came"));

    for (String user : List.of(TestUsers.CLERK, TestUsers.SALES_REP, TestUsers.AUDITOR, TestUsers.BILLING)) {
      Answer refused = modelerDeploy(user, "invoice-collection", diagram);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.text("/message")).as(user)
          .isEqualTo("The user with id '" + user + "' does not have 'CREATE' permission on resource 'Deployment'.");
    }
    assertThat(modelerDeploy(null, null, "invoice-collection", diagram).status()).isEqualTo(401);

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latest(INVOICE_COLLECTION).getId()).isEqualTo(before.getId());
  }

  @Test
  void anInvalidDiagramIsRefusedWithWhatIsWrongAndTheRunningVersionIsUntouched() {
    String caseId = caseWaitingForItsReceiptCheck("MD-BAD-1");
    ProcessDefinition before = latest(INVOICE_COLLECTION);
    long deployments = repositoryService.createDeploymentQuery().count();
    String bpmn = repositoryFile("processes/invoice-collection.bpmn");

    // a sequence flow to an element that does not exist
    String toNowhere = bpmn.replace("targetRef=\"Task_SendReceiptCheck\"", "targetRef=\"Task_SendReceiptChek\"");
    Answer refused = modelerDeploy(TestUsers.MANAGER, "invoice-collection", file("invoice-collection.bpmn", toNowhere));
    assertThat(refused.status()).isEqualTo(400);
    int line = lineOf(toNowhere, "id=\"Flow_ThreeDaysAfterSendingToSendReceiptCheck\"");
    assertThat(refused.text("/message")).startsWith("ENGINE-09005 Could not parse BPMN process. Errors:")
        .contains("* Invalid destination 'Task_SendReceiptChek' of sequence flow"
            + " 'Flow_ThreeDaysAfterSendingToSendReceiptCheck' | resource invoice-collection.bpmn | line " + line);
    assertThat(list(refused.body().at("/details/invoice-collection.bpmn/errors")))
        .anySatisfy(error -> assertThat(error.get("mainElementId").asText())
            .isEqualTo("Flow_ThreeDaysAfterSendingToSendReceiptCheck"));

    // a timer that does not say when: the line of its definition
    String timerWithoutDate = bpmn.replace("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">"
        + "${schedule.daysAfter(invoiceSentOn, 3, country)}</bpmn:timeDate>", "");
    refused = modelerDeploy(TestUsers.MANAGER, "invoice-collection", file("invoice-collection.bpmn", timerWithoutDate));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("/message")).contains("* Timer needs configuration (either timeDate, timeCycle or"
        + " timeDuration is needed). | resource invoice-collection.bpmn | line "
        + lineOf(timerWithoutDate, "<bpmn:timerEventDefinition>"));
    assertThat(refused.body().at("/details/invoice-collection.bpmn/errors/0/mainElementId").asText())
        .isEqualTo("Timer_ThreeDaysAfterSending");

    // not even well-formed XML
    refused = modelerDeploy(TestUsers.MANAGER, "invoice-collection",
        file("invoice-collection.bpmn", bpmn.replace("</bpmn:process>", "</bpmn:proces>")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("/message")).isEqualTo("ENGINE-09003 Could not parse 'invoice-collection.bpmn'. The"
        + " element type \"bpmn:process\" must be terminated by the matching end-tag \"</bpmn:process>\".");

    // a dunning policy the engine cannot read
    refused = modelerDeploy(TestUsers.MANAGER, "dunning-policy", file("dunning-policy.dmn",
        repositoryFile("processes/dunning-policy.dmn").replace("</decision>", "</decisio>")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("/message")).isEqualTo("ENGINE-22004 Unable to transform DMN resource 'dunning-policy.dmn'.");

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latest(INVOICE_COLLECTION).getId()).isEqualTo(before.getId());
    assertThat(versionOfCase(caseId)).isEqualTo(before.getId());
    assertThat(managementService.createJobQuery().processInstanceId(caseId).singleResult().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
  }

  private static int lineOf(String text, String fragment) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError("No line with " + fragment);
  }

  @Test
  void newCasesStartOnTheNewVersionAndARunningCaseStaysOnItsOwnUntilTheAdministratorMigratesIt() {
    String running = caseWaitingForItsReceiptCheck("MD-MIG-1");
    ProcessDefinition old = latest(INVOICE_COLLECTION);
    assertThat(versionOfCase(running)).isEqualTo(old.getId());

    // a compatible change: the step after the one the case waits at has a new name
    Answer deployed = modelerDeploy(TestUsers.MANAGER, "invoice-collection",
        file("invoice-collection.bpmn", invoiceCollectionLabelled("Ask whether the invoice arrived")));
    assertThat(deployed.status()).isEqualTo(200);
    ProcessDefinition changed = latest(INVOICE_COLLECTION);
    assertThat(changed.getVersion()).isEqualTo(old.getVersion() + 1);

    assertThat(post("/api/invoices", invoice("MD-MIG-2")).status()).isEqualTo(201);
    time.runDueJobs();
    assertThat(versionOfCase(caseOf("MD-MIG-2"))).isEqualTo(changed.getId());
    assertThat(versionOfCase(running)).isEqualTo(old.getId());

    // managers may not move cases; the administrator runs the documented command
    assertThat(migrateToLatest(TestUsers.MANAGER, TestUsers.PASSWORD, old.getVersion()).status()).isEqualTo(403);
    assertThat(versionOfCase(running)).isEqualTo(old.getId());
    long onOld = runtimeService.createProcessInstanceQuery().processDefinitionId(old.getId()).count();
    assertThat(call(admin, adminPassword, HttpMethod.GET,
        "/engine-rest/process-instance/count?processDefinitionId=" + old.getId(), null).body().get("count").asLong())
        .isEqualTo(onOld).isPositive();

    Answer migrated = migrateToLatest(admin, adminPassword, old.getVersion());

    assertThat(migrated.status()).isEqualTo(204);
    assertThat(versionOfCase(running)).isEqualTo(changed.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(old.getId()).count()).isZero();
    // it waits for the same day as before, then goes on in the new version to its end
    assertThat(managementService.createJobQuery().processInstanceId(running).singleResult().getDuedate().toInstant())
        .isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
    time.travelTo(LocalDate.of(2026, 3, 6));
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(running)
        .activityId("Task_SendReceiptCheck").singleResult().getActivityName())
        .isEqualTo("Ask whether the invoice arrived");
    assertThat(subjects("MD-MIG-1")).hasSize(2);
    assertThat(post("/api/payments", payment("MD-MIG-1", "1250.00", "EUR", "2026-03-06", "MD-MIG-P-1")).status())
        .isEqualTo(201);
    time.runDueJobs();
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(running).singleResult();
    assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(ended.getProcessDefinitionId()).isEqualTo(changed.getId());
    assertThat(get("/api/invoices/MD-MIG-1").text("/status")).isEqualTo("PAID");
  }

  @Test
  void aCaseWaitingAtAnActivityTheNewVersionRenamedIsNotMigratedAndDeployingThePreviousDiagramRollsBack() {
    String running = caseWaitingForItsReceiptCheck("MD-REN-1");
    ProcessDefinition old = latest(INVOICE_COLLECTION);
    String previous = new String(readResource(old), StandardCharsets.UTF_8);

    // the timer the case waits at has another id in the new version
    assertThat(modelerDeploy(TestUsers.MANAGER, "invoice-collection", file("invoice-collection.bpmn",
        previous.replace("Timer_ThreeDaysAfterSending", "Timer_AfterSending"))).status()).isEqualTo(200);

    Answer refused = migrateToLatest(admin, adminPassword, old.getVersion());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("/message")).contains(running)
        .contains("Timer_ThreeDaysAfterSending").contains("There is no migration instruction for this instance's activity");
    assertThat(versionOfCase(running)).isEqualTo(old.getId());

    // rolling back: the previous diagram deployed again is the latest version, for new cases
    assertThat(modelerDeploy(TestUsers.MANAGER, "invoice-collection", file("invoice-collection.bpmn", previous))
        .status()).isEqualTo(200);
    ProcessDefinition rolledBack = latest(INVOICE_COLLECTION);
    assertThat(rolledBack.getVersion()).isEqualTo(old.getVersion() + 2);
    assertThat(new String(readResource(rolledBack), StandardCharsets.UTF_8)).isEqualTo(previous);
    assertThat(migrateToLatest(admin, adminPassword, old.getVersion()).status()).isEqualTo(204);
    assertThat(versionOfCase(running)).isEqualTo(rolledBack.getId());
  }

  private byte[] readResource(ProcessDefinition definition) {
    try (var in = repositoryService.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The start form a version of the credit hold change shows, as Tasklist reads it. */
  private Answer startForm(String definitionId) {
    return call(TestUsers.MANAGER, HttpMethod.GET,
        "/engine-rest/process-definition/" + definitionId + "/deployed-start-form", null);
  }

  @Test
  void formsComeFromTheDeploymentThatLastDeployedThem() {
    String startUpForm = repositoryFile("forms/credit-hold-change.form");
    ProcessDefinition original = latest(CREDIT_HOLD_CHANGE);

    // a diagram deployed without its form: the latest deployed form with that id
    assertThat(modelerDeploy(TestUsers.MANAGER, "credit-hold-change",
        file("credit-hold-change.bpmn", creditHoldChangeLabelled("Check the hold request"))).status()).isEqualTo(200);
    ProcessDefinition withoutForm = latest(CREDIT_HOLD_CHANGE);
    assertThat(withoutForm.getVersion()).isEqualTo(original.getVersion() + 1);
    assertThat(startForm(withoutForm.getId()).body()).isEqualTo(readJson(startUpForm));

    // a changed form deployed with it: every version shows it from then on
    String changedForm = startUpForm.replace("A hold you place takes effect at once.",
        "A hold you place takes effect at once, for every open order.");
    assertThat(modelerDeploy(TestUsers.MANAGER, "credit-hold-change",
        file("credit-hold-change.bpmn", creditHoldChangeLabelled("Check the hold request")),
        file("credit-hold-change.form", changedForm)).status()).isEqualTo(200);
    for (ProcessDefinition version : List.of(original, withoutForm, latest(CREDIT_HOLD_CHANGE))) {
      assertThat(startForm(version.getId()).body()).as("version %s", version.getVersion())
          .isEqualTo(readJson(changedForm));
    }

    // a diagram that refers to a form never deployed is taken, but its form cannot be opened
    assertThat(modelerDeploy(TestUsers.MANAGER, "credit-hold-change", file("credit-hold-change.bpmn",
        creditHoldChangeLabelled("Check the hold request").replace("camunda:formRef=\"creditHoldChange\"",
            "camunda:formRef=\"creditHoldChangeByPhone\""))).status()).isEqualTo(200);
    Answer missing = startForm(latest(CREDIT_HOLD_CHANGE).getId());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.text("/message")).startsWith("No Camunda Form Definition was found for Camunda Form Ref: ")
        .contains("creditHoldChangeByPhone");

    // rolling back: the repository's diagram and form deployed again
    assertThat(modelerDeploy(TestUsers.MANAGER, "credit-hold-change",
        file("credit-hold-change.bpmn", repositoryFile("processes/credit-hold-change.bpmn")),
        file("credit-hold-change.form", startUpForm)).status()).isEqualTo(200);
    assertThat(startForm(latest(CREDIT_HOLD_CHANGE).getId()).body()).isEqualTo(readJson(startUpForm));
    assertThat(startForm(original.getId()).body()).isEqualTo(readJson(startUpForm));
  }

  @Test
  void aNewVersionKeepsItsHistoryForTheConfiguredDaysFromTheStart() {
    Answer deployed = modelerDeploy(TestUsers.MANAGER, "credit-hold-change-retention", file("credit-hold-change.bpmn",
        creditHoldChangeLabelled("Check the request once more")
            .replace("camunda:historyTimeToLive=\"3650\"", "camunda:historyTimeToLive=\"180\"")));

    assertThat(deployed.status()).isEqualTo(200);
    assertThat(latest(CREDIT_HOLD_CHANGE).getDeploymentId()).isEqualTo(deployed.text("/id"));
    assertThat(latest(CREDIT_HOLD_CHANGE).getHistoryTimeToLive()).isEqualTo(3650);
  }

  @Test
  void aManagerDeploysAnEarlierDeploymentAgainWithTheDocumentedRedeploy() {
    String startUp = repositoryService.createDeploymentQuery().deploymentName(ProcessResourcesDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().asc().list().get(0).getId();

    Answer redeployed = call(TestUsers.MANAGER, HttpMethod.POST, "/engine-rest/deployment/" + startUp + "/redeploy",
        "{\"resourceNames\": [\"processes/credit-hold-change.bpmn\"], \"source\": \"rollback\"}");

    assertThat(redeployed.status()).isEqualTo(200);
    ProcessDefinition latest = latest(CREDIT_HOLD_CHANGE);
    assertThat(latest.getDeploymentId()).isEqualTo(redeployed.text("/id"));
    assertThat(new String(readResource(latest), StandardCharsets.UTF_8))
        .isEqualTo(repositoryFile("processes/credit-hold-change.bpmn"));
    // the redeployment, too, is the manager's to read but not to delete
    assertThat(call(TestUsers.MANAGER, HttpMethod.DELETE, "/engine-rest/deployment/" + redeployed.text("/id"), null)
        .status()).isEqualTo(403);
  }
}
