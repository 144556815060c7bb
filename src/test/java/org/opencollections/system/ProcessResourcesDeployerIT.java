package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencollections.fixtures.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;

class ProcessResourcesDeployerIT extends IntegrationTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ProcessResourcesDeployer deployer;

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("invoiceCollection")
        .latestVersion().singleResult();
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
  void anUnchangedFileIsNotDeployedAgain() {
    ProcessDefinition before = latest();
    long deployments = repositoryService.createDeploymentQuery().count();

    deployer.deploy();

    assertThat(latest().getId()).isEqualTo(before.getId());
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aChangedDiagramBecomesANewVersionAndTheUnchangedFormsStay(@TempDir Path folder) throws IOException {
    ProcessDefinition before = latest();
    Files.createDirectories(folder.resolve("processes"));
    Files.createDirectories(folder.resolve("forms"));
    String bpmn = Files.readString(Path.of("processes/invoice-collection.bpmn"))
        .replace("name=\"Ask for a call\"", "name=\"Ask for a phone call\"");
    Files.writeString(folder.resolve("processes/invoice-collection.bpmn"), bpmn);
    for (String unchanged : new String[] {"customer-call.bpmn", "credit-hold-change.bpmn"}) {
      Files.copy(Path.of("processes", unchanged), folder.resolve("processes").resolve(unchanged));
    }
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        Files.copy(form, folder.resolve("forms").resolve(form.getFileName()));
      }
    }
    // Only the temporary folder is on this class path, as if the repository had been edited.
    try (URLClassLoader classLoader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, null)) {
      new ProcessResourcesDeployer(repositoryService, new DefaultResourceLoader(classLoader)).deploy();
    }

    ProcessDefinition after = latest();
    try {
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
}
