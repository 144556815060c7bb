package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opencollections.fixtures.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The start-up deployment of processes/ and forms/, and its rule against versions deployed from
 * elsewhere: a changed file is deployed unless a newer version of its process, decision or form
 * came from Camunda Modeler after start-up last deployed the file.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProcessResourcesDeployerIT extends IntegrationTest {

  /** The engine's clock for the next deployment: every deployment of this class has its moment. */
  private static Instant moment;

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ProcessResourcesDeployer deployer;
  @TempDir
  Path folder;

  private ProcessDefinition latest() {
    return latest("invoiceCollection");
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  /** A minute after the previous deployment of this class (and after the application's own). */
  private Instant nextMoment() {
    if (moment == null) {
      Instant lastDeployment = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list()
          .get(0).getDeploymentTime().toInstant();
      moment = (lastDeployment.isAfter(Instant.now()) ? lastDeployment : Instant.now()).truncatedTo(ChronoUnit.SECONDS);
    }
    moment = moment.plus(1, ChronoUnit.MINUTES);
    time.setNow(moment);
    return moment;
  }

  @BeforeEach
  void aMomentOfItsOwn() {
    nextMoment();
  }

  /** The application starting with these files (path in the repository to content) alone. */
  private ProcessResourcesDeployer.Outcome startUp(Map<String, String> files, boolean replaceNewer) {
    try {
      Path root = Files.createTempDirectory(folder, "classpath");
      for (var file : files.entrySet()) {
        Path path = root.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue());
      }
      // Only the temporary folder is on this class path, as if the repository had been edited.
      try (URLClassLoader classLoader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
        return new ProcessResourcesDeployer(repositoryService, new DefaultResourceLoader(classLoader),
            new DeploymentProperties(replaceNewer)).deploy();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      nextMoment();
    }
  }

  private ProcessResourcesDeployer.Outcome startUp(Map<String, String> files) {
    return startUp(files, false);
  }

  /** A deployment as Camunda Modeler makes one: its own name, source "Camunda Modeler". */
  private Deployment fromModeler(String name, Map<String, String> files) {
    DeploymentBuilder builder = repositoryService.createDeployment().name(name).source("Camunda Modeler")
        .enableDuplicateFiltering(false);
    files.forEach(builder::addString);
    Deployment deployment = builder.deploy();
    nextMoment();
    return deployment;
  }

  private static String process(String key, String name) {
    return Bpmn.convertToString(Bpmn.createExecutableProcess(key).name(name).startEvent().endEvent().done());
  }

  private static String decision(String key, String result) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="%1$s"
            namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%1$s" name="%1$s">
            <variable id="Variable_%1$s" name="result" typeRef="string" />
            <literalExpression id="Expression_%1$s"><text>"%2$s"</text></literalExpression>
          </decision>
        </definitions>
        """.formatted(key, result);
  }

  private static String form(String key, String text) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16,
         "components": [{"type": "text", "id": "Text_Intro", "text": "%s"}]}
        """.formatted(key, text);
  }

  private long deployments() {
    return repositoryService.createDeploymentQuery().count();
  }

  @Test
  void processesAndFormsAreDeployedUnderTheirPathInTheRepository() {
    List<String> names = repositoryService.getDeploymentResources(latest().getDeploymentId()).stream()
        .map(Resource::getName).toList();
    assertThat(names).contains("processes/invoice-collection.bpmn", "processes/customer-call.bpmn",
        "processes/credit-hold-change.bpmn", "forms/call-customer.form", "forms/review-dispute.form",
        "forms/sales-follow-up.form", "forms/broken-promise.form", "forms/check-reported-payment.form",
        "forms/credit-hold-change.form", "forms/approve-lift.form");
  }

  @Test
  void anUnchangedFileIsNotDeployedAgain(CapturedOutput output) {
    ProcessDefinition before = latest();
    long deployments = deployments();

    ProcessResourcesDeployer.Outcome outcome = deployer.deploy();

    assertThat(outcome.deployed()).isEmpty();
    assertThat(outcome.heldBack()).isEmpty();
    assertThat(latest().getId()).isEqualTo(before.getId());
    assertThat(deployments()).isEqualTo(deployments);
    assertThat(output.getOut()).contains("Nothing to deploy from processes/ and forms/")
        .doesNotContain("Not deploying");
  }

  @Test
  void aChangedDiagramBecomesANewVersionAndTheUnchangedFormsStay() throws IOException {
    ProcessDefinition before = latest();
    Map<String, String> repository = new TreeMap<>();
    repository.put("processes/invoice-collection.bpmn", Files.readString(Path.of("processes/invoice-collection.bpmn"))
        .replace("name=\"Ask for a call\"", "name=\"Ask for a phone call\""));
    for (String unchanged : new String[] {"customer-call.bpmn", "credit-hold-change.bpmn"}) {
      repository.put("processes/" + unchanged, Files.readString(Path.of("processes", unchanged)));
    }
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        repository.put("forms/" + form.getFileName(), Files.readString(form));
      }
    }

    ProcessResourcesDeployer.Outcome outcome = startUp(repository);

    ProcessDefinition after = latest();
    try {
      assertThat(outcome.deployed()).containsExactly("processes/invoice-collection.bpmn");
      assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
      assertThat(after.getResourceName()).isEqualTo("processes/invoice-collection.bpmn");
      assertThat(repositoryService.getDeploymentResources(after.getDeploymentId()))
          .extracting(Resource::getName).containsExactly("processes/invoice-collection.bpmn");
    } finally {
      deployer.deploy(); // the repository's diagram again, for the tests that share this context
    }
    assertThat(repositoryService.getBpmnModelInstance(latest().getId())
        .getModelElementById("Task_RequestCall").getAttributeValue("name")).isEqualTo("Ask for a call");
  }

  @Test
  void aFileChangedAfterAModelerDeploymentOfItsProcessDecisionOrFormIsHeldBackWithAWarning(CapturedOutput output) {
    Instant firstStart = moment;
    startUp(Map.of("processes/held.bpmn", process("heldProcess", "Held, v1"),
        "processes/held.dmn", decision("heldPolicy", "v1"),
        "forms/held.form", form("heldForm", "v1")));
    Instant modelerTime = moment;
    Deployment modeler = fromModeler("held", Map.of("held.bpmn", process("heldProcess", "Held, from Modeler"),
        "held.dmn", decision("heldPolicy", "from Modeler"), "held.form", form("heldForm", "from Modeler")));
    long deployments = deployments();
    Map<String, String> edited = Map.of("processes/held.bpmn", process("heldProcess", "Held, v2"),
        "processes/held.dmn", decision("heldPolicy", "v2"), "forms/held.form", form("heldForm", "v2"));

    ProcessResourcesDeployer.Outcome outcome = startUp(edited);

    assertThat(outcome.deployed()).isEmpty();
    assertThat(outcome.heldBack()).containsExactly("forms/held.form", "processes/held.bpmn", "processes/held.dmn");
    assertThat(deployments()).isEqualTo(deployments);
    assertThat(latest("heldProcess").getDeploymentId()).isEqualTo(modeler.getId());
    String newer = " in deployment 'held' (source 'Camunda Modeler', " + modelerTime + ", id " + modeler.getId() + ")";
    assertThat(output.getOut())
        .contains("WARN", "Not deploying processes/held.bpmn, changed since start-up last deployed it ("
            + firstStart + "): process heldProcess version 2" + newer + " was deployed from elsewhere after that"
            + " and stays in use. To make the file the running version, deploy it from Camunda Modeler, or start"
            + " the application once with collections.deployment.replace-newer=true. To keep the newer version,"
            + " save it into processes/held.bpmn (see docs/deployment.md).")
        .contains("Not deploying processes/held.dmn, changed since start-up last deployed it (" + firstStart
            + "): decision heldPolicy version 2" + newer)
        .contains("Not deploying forms/held.form, changed since start-up last deployed it (" + firstStart
            + "): form heldForm" + newer);

    // held back at every start until someone decides
    assertThat(startUp(edited).heldBack()).hasSize(3);
    assertThat(deployments()).isEqualTo(deployments);
  }

  @Test
  void aNewFileWhoseProcessCameFromModelerFirstIsHeldBack(CapturedOutput output) {
    fromModeler("modeler-first", Map.of("modeler-first.bpmn", process("modelerFirst", "Drawn in Modeler")));

    ProcessResourcesDeployer.Outcome outcome = startUp(
        Map.of("processes/modeler-first.bpmn", process("modelerFirst", "Committed later")));

    assertThat(outcome.heldBack()).containsExactly("processes/modeler-first.bpmn");
    assertThat(latest("modelerFirst").getVersion()).isOne();
    assertThat(output.getOut()).contains("Not deploying processes/modeler-first.bpmn, which start-up never"
        + " deployed: process modelerFirst version 1 in deployment 'modeler-first'", "was deployed from elsewhere"
        + " and stays in use.");
  }

  @Test
  void replaceNewerDeploysTheFileOverTheModelerVersionAndLaterChangesFollowTheRule(CapturedOutput output) {
    startUp(Map.of("processes/replaced.bpmn", process("replacedProcess", "v1")));
    fromModeler("replaced", Map.of("replaced.bpmn", process("replacedProcess", "from Modeler")));

    ProcessResourcesDeployer.Outcome outcome = startUp(
        Map.of("processes/replaced.bpmn", process("replacedProcess", "v2")), true);

    assertThat(outcome.deployed()).containsExactly("processes/replaced.bpmn");
    ProcessDefinition replacing = latest("replacedProcess");
    assertThat(replacing.getVersion()).isEqualTo(3);
    assertThat(replacing.getName()).isEqualTo("v2");
    assertThat(output.getOut()).contains("WARN", "Deploying processes/replaced.bpmn, changed since start-up last"
        + " deployed it (", "over process replacedProcess version 2 in deployment 'replaced'", "deployed from"
        + " elsewhere after that, as collections.deployment.replace-newer is true. Set it back to false once this"
        + " start is done.");

    // the Modeler version is now older than the last start-up deployment: a change deploys
    outcome = startUp(Map.of("processes/replaced.bpmn", process("replacedProcess", "v3")));
    assertThat(outcome.deployed()).containsExactly("processes/replaced.bpmn");
    assertThat(latest("replacedProcess").getVersion()).isEqualTo(4);
  }

  @Test
  void aFileThatIsTheVersionDeployedFromModelerIsNotDeployedAgain(CapturedOutput output) {
    startUp(Map.of("processes/saved.bpmn", process("savedProcess", "v1")));
    String drawn = process("savedProcess", "Drawn in Modeler, then saved into the repository");
    fromModeler("saved", Map.of("saved.bpmn", drawn));
    long deployments = deployments();

    ProcessResourcesDeployer.Outcome outcome = startUp(Map.of("processes/saved.bpmn", drawn));

    assertThat(outcome.deployed()).isEmpty();
    assertThat(outcome.heldBack()).isEmpty();
    assertThat(deployments()).isEqualTo(deployments);
    assertThat(output.getOut()).contains("processes/saved.bpmn is the same as process savedProcess version 2"
        + " in deployment 'saved'", ": nothing to deploy").doesNotContain("Not deploying processes/saved.bpmn");
  }

  @Test
  void aFileThatCannotBeReadIsLeftToTheEngineWhichStopsTheStart() {
    long deployments = deployments();

    assertThatThrownBy(() -> startUp(Map.of("processes/broken.bpmn",
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"broken\"></definitions>")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ENGINE-09003 Could not parse 'processes/broken.bpmn'");
    assertThat(deployments()).isEqualTo(deployments);
  }

  @Test
  void anUnchangedFileBehindAModelerVersionStaysAsItIsWithoutAWarning(CapturedOutput output) {
    Map<String, String> repository = Map.of("processes/behind.bpmn", process("behindProcess", "v1"));
    startUp(repository);
    Deployment modeler = fromModeler("behind", Map.of("behind.bpmn", process("behindProcess", "from Modeler")));
    long deployments = deployments();

    ProcessResourcesDeployer.Outcome outcome = startUp(repository);
    startUp(repository);

    assertThat(outcome.deployed()).isEmpty();
    assertThat(outcome.heldBack()).isEmpty();
    assertThat(deployments()).isEqualTo(deployments);
    assertThat(latest("behindProcess").getDeploymentId()).isEqualTo(modeler.getId());
    assertThat(output.getOut()).contains("processes/behind.bpmn is behind: process behindProcess version 2 in"
        + " deployment 'behind'").doesNotContain("Not deploying");
  }
}
