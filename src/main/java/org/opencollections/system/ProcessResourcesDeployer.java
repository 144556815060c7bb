package org.opencollections.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentQuery;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} (BPMN, DMN) and {@code forms/} at start-up, before the web server
 * takes requests, as deployment {@value #DEPLOYMENT_NAME}. Resources are named by their path in
 * the repository ({@code processes/invoice-collection.bpmn}), whatever folder the application
 * runs from.
 *
 * <p>A file becomes a new version only when it changed since start-up last deployed it, and then
 * only if no newer version of its process, decision or form was deployed from elsewhere (Camunda
 * Modeler, the REST API) after that. Such a file is held back with a warning naming the newer
 * version and what to do, so that neither the repository nor a Modeler deployment silently
 * replaces the other; {@code collections.deployment.replace-newer=true} deploys it anyway. A file
 * that is the same as that newer version needs nothing.
 */
@Component
public class ProcessResourcesDeployer implements SmartInitializingSingleton {

  public static final String DEPLOYMENT_NAME = "open-collections";
  static final String REPLACE_NEWER = "collections.deployment.replace-newer";

  private static final Logger log = LoggerFactory.getLogger(ProcessResourcesDeployer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a deployable file defines: its folder, its ending and the kind of key it defines. */
  private enum Kind {
    PROCESS("processes", ".bpmn", "process"),
    DECISION("processes", ".dmn", "decision"),
    FORM("forms", ".form", "form");

    final String folder;
    final String ending;
    final String label;

    Kind(String folder, String ending, String label) {
      this.folder = folder;
      this.ending = ending;
      this.label = label;
    }

    static Optional<Kind> of(String resourceName) {
      return Arrays.stream(values()).filter(kind -> resourceName.endsWith(kind.ending)).findFirst();
    }
  }

  /** A version of a process, decision or form in some deployment. */
  private record Version(Kind kind, String key, Integer number, Deployment deployment,
      String resourceName) {

    String describe() {
      return kind.label + " " + key + (number == null ? "" : " version " + number)
          + " in deployment '" + deployment.getName() + "' (source '" + deployment.getSource()
          + "', " + deployment.getDeploymentTime().toInstant() + ", id " + deployment.getId() + ")";
    }
  }

  /**
   * What a start-up deployment did.
   *
   * @param deployed the files that became new versions
   * @param heldBack the files not deployed because a newer version came from elsewhere
   * @param deployment the new deployment, or null when nothing was deployed
   */
  public record Outcome(List<String> deployed, List<String> heldBack, DeploymentWithDefinitions deployment) {
  }

  private final RepositoryService repositoryService;
  private final ResourcePatternResolver resolver;
  private final boolean replaceNewer;

  ProcessResourcesDeployer(RepositoryService repositoryService, ResourceLoader resourceLoader,
      DeploymentProperties properties) {
    this.repositoryService = repositoryService;
    this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
    this.replaceNewer = properties.replaceNewer();
  }

  @Override
  public void afterSingletonsInstantiated() {
    deploy();
  }

  /** Deploys what changed and is not held back by a newer version from elsewhere. */
  public Outcome deploy() {
    Map<String, Resource> resources = findResources();
    if (resources.isEmpty()) {
      throw new IllegalStateException("No BPMN, DMN or form files found under processes/ and forms/");
    }
    StartUpDeployments startUp = new StartUpDeployments();
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(true);
    List<String> deployed = new ArrayList<>();
    List<String> heldBack = new ArrayList<>();
    for (var entry : resources.entrySet()) {
      String name = entry.getKey();
      byte[] content = read(entry.getValue());
      switch (decide(name, content, startUp)) {
        case DEPLOY -> {
          builder.addInputStream(name, new ByteArrayInputStream(content));
          deployed.add(name);
        }
        case HOLD_BACK -> heldBack.add(name);
        case NOTHING_TO_DO -> { }
      }
    }
    if (deployed.isEmpty()) {
      log.info("Nothing to deploy from processes/ and forms/{}",
          heldBack.isEmpty() ? "" : "; held back: " + heldBack);
      return new Outcome(deployed, heldBack, null);
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    var processes = deployment.getDeployedProcessDefinitions();
    if (processes != null) {
      processes.forEach(definition -> log.info("Deployed {} version {} from {}",
          definition.getKey(), definition.getVersion(), definition.getResourceName()));
    }
    var decisions = deployment.getDeployedDecisionDefinitions();
    if (decisions != null) {
      decisions.forEach(definition -> log.info("Deployed decision {} version {} from {}",
          definition.getKey(), definition.getVersion(), definition.getResourceName()));
    }
    log.info("Deployed at start-up: {}", deployed);
    return new Outcome(deployed, heldBack, deployment);
  }

  private enum Step { DEPLOY, HOLD_BACK, NOTHING_TO_DO }

  /** The rule: changed since start-up last deployed it, and no newer version from elsewhere. */
  private Step decide(String name, byte[] content, StartUpDeployments startUp) {
    Kind kind = Kind.of(name).orElseThrow();
    Optional<Deployment> last = startUp.lastWith(name);
    boolean unchanged = last.map(deployment -> Arrays.equals(content, bytes(deployment.getId(), name)))
        .orElse(false);
    Optional<Version> newer = newerFromElsewhere(kind, keys(kind, content),
        last.map(Deployment::getDeploymentTime).orElse(null));
    boolean sameAsNewer = newer.isPresent()
        && Arrays.equals(content, bytes(newer.get().deployment().getId(), newer.get().resourceName()));
    if (unchanged) {
      newer.filter(version -> !sameAsNewer).ifPresent(version -> log.info(
          "{} is behind: {} was deployed after start-up last deployed the file and is the version in"
              + " use. Save that version into {} to keep the repository in step.",
          name, version.describe(), name));
      return Step.NOTHING_TO_DO;
    }
    if (newer.isEmpty()) {
      return Step.DEPLOY;
    }
    if (sameAsNewer) {
      log.info("{} is the same as {}: nothing to deploy", name, newer.get().describe());
      return Step.NOTHING_TO_DO;
    }
    String file = last.map(deployment -> name + ", changed since start-up last deployed it ("
        + deployment.getDeploymentTime().toInstant() + ")").orElse(name + ", which start-up never deployed");
    String when = last.isPresent() ? " after that" : "";
    if (replaceNewer) {
      log.warn("Deploying {} over {}, deployed from elsewhere{}, as {} is true. Set it back to false once"
          + " this start is done.", file, newer.get().describe(), when, REPLACE_NEWER);
      return Step.DEPLOY;
    }
    log.warn("Not deploying {}: {} was deployed from elsewhere{} and stays in use. To make the file the"
        + " running version, deploy it from Camunda Modeler, or start the application once with {}=true."
        + " To keep the newer version, save it into {} (see docs/deployment.md).",
        file, newer.get().describe(), when, REPLACE_NEWER, name);
    return Step.HOLD_BACK;
  }

  /**
   * The latest version of one of the keys deployed from elsewhere than start-up after the given
   * moment (at any time when null).
   */
  private Optional<Version> newerFromElsewhere(Kind kind, Set<String> keys, Date after) {
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    DeploymentQuery query = repositoryService.createDeploymentQuery();
    if (after != null) {
      query.deploymentAfter(after);
    }
    for (Deployment deployment : query.orderByDeploymentTime().desc().list()) {
      if (!isStartUp(deployment)) {
        Optional<Version> version = versionIn(deployment, kind, keys);
        if (version.isPresent()) {
          return version;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Version> versionIn(Deployment deployment, Kind kind, Set<String> keys) {
    return switch (kind) {
      case PROCESS -> repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
          .processDefinitionKeyIn(keys.toArray(String[]::new)).list().stream().findFirst()
          .map(definition -> new Version(kind, definition.getKey(), definition.getVersion(), deployment,
              definition.getResourceName()));
      case DECISION -> repositoryService.createDecisionDefinitionQuery().deploymentId(deployment.getId())
          .list().stream().filter(definition -> keys.contains(definition.getKey())).findFirst()
          .map(definition -> new Version(kind, definition.getKey(), definition.getVersion(), deployment,
              definition.getResourceName()));
      // the engine has no public query of form definitions: read the forms of the deployment
      case FORM -> repositoryService.getDeploymentResources(deployment.getId()).stream()
          .filter(resource -> resource.getName().endsWith(kind.ending))
          .flatMap(resource -> keys(kind, bytes(deployment.getId(), resource.getName())).stream()
              .filter(keys::contains)
              .map(key -> new Version(kind, key, null, deployment, resource.getName())))
          .findFirst();
    };
  }

  /** The keys a file defines; none when it cannot be read (the engine then says what is wrong). */
  private static Set<String> keys(Kind kind, byte[] content) {
    try (InputStream in = new ByteArrayInputStream(content)) {
      return switch (kind) {
        case PROCESS -> Bpmn.readModelFromStream(in).getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable).map(Process::getId).collect(Collectors.toSet());
        case DECISION -> Dmn.readModelFromStream(in).getModelElementsByType(Decision.class).stream()
            .map(Decision::getId).collect(Collectors.toSet());
        case FORM -> {
          JsonNode id = JSON.readTree(in).get("id");
          yield id == null || !id.isTextual() ? Set.of() : Set.of(id.asText());
        }
      };
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  private static boolean isStartUp(Deployment deployment) {
    return DEPLOYMENT_NAME.equals(deployment.getName()) && DEPLOYMENT_NAME.equals(deployment.getSource());
  }

  /** The start-up deployments, newest first, and what they hold; read once per start. */
  private final class StartUpDeployments {

    private final List<Deployment> deployments = repositoryService.createDeploymentQuery()
        .deploymentName(DEPLOYMENT_NAME).deploymentSource(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list();
    private final Map<String, Set<String>> resourceNames = new HashMap<>();

    Optional<Deployment> lastWith(String name) {
      return deployments.stream()
          .filter(deployment -> resourceNames.computeIfAbsent(deployment.getId(),
              id -> repositoryService.getDeploymentResources(id).stream()
                  .map(org.camunda.bpm.engine.repository.Resource::getName).collect(Collectors.toSet()))
              .contains(name))
          .findFirst();
    }
  }

  private byte[] bytes(String deploymentId, String resourceName) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resourceName + " of deployment " + deploymentId, e);
    }
  }

  /** Resource name (its path in the repository) to resource, for every deployable file. */
  Map<String, Resource> findResources() {
    Map<String, Resource> found = new TreeMap<>();
    try {
      for (String folder : Arrays.stream(Kind.values()).map(kind -> kind.folder).distinct().toList()) {
        for (Resource root : resolver.getResources("classpath*:" + folder + "/")) {
          String rootUrl = root.getURL().toString();
          for (Resource resource : resolver.getResources(rootUrl + "**/*")) {
            String url = resource.getURL().toString();
            String name = folder + "/" + url.substring(rootUrl.length());
            if (resource.isReadable()
                && Kind.of(name).filter(kind -> kind.folder.equals(folder)).isPresent()) {
              found.putIfAbsent(name, resource);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the process resources", e);
    }
    return found;
  }

  private static byte[] read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
