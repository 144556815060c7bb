package org.opencollections.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
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
 * takes requests. Resources are named by their path in the repository
 * ({@code processes/invoice-collection.bpmn}), whatever folder the application runs from, and
 * only files that changed since the last deployment become a new version.
 */
@Component
public class ProcessResourcesDeployer implements SmartInitializingSingleton {

  public static final String DEPLOYMENT_NAME = "open-collections";

  private static final Logger log = LoggerFactory.getLogger(ProcessResourcesDeployer.class);
  private static final Map<String, List<String>> FOLDERS = Map.of(
      "processes", List.of(".bpmn", ".dmn"),
      "forms", List.of(".form"));

  private final RepositoryService repositoryService;
  private final ResourcePatternResolver resolver;

  ProcessResourcesDeployer(RepositoryService repositoryService, ResourceLoader resourceLoader) {
    this.repositoryService = repositoryService;
    this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
  }

  @Override
  public void afterSingletonsInstantiated() {
    deploy();
  }

  /** Deploys what changed; returns the definitions deployed now (none when nothing changed). */
  public DeploymentWithDefinitions deploy() {
    Map<String, Resource> resources = findResources();
    if (resources.isEmpty()) {
      throw new IllegalStateException("No BPMN, DMN or form files found under processes/ and forms/");
    }
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(true);
    resources.forEach((name, resource) -> builder.addInputStream(name, read(resource)));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    var definitions = deployment.getDeployedProcessDefinitions();
    if (definitions == null || definitions.isEmpty()) {
      log.info("Process resources unchanged: {}", resources.keySet());
    } else {
      definitions.forEach(definition -> log.info("Deployed {} version {} from {}",
          definition.getKey(), definition.getVersion(), definition.getResourceName()));
    }
    return deployment;
  }

  /** Resource name (its path in the repository) to resource, for every deployable file. */
  Map<String, Resource> findResources() {
    Map<String, Resource> found = new TreeMap<>();
    try {
      for (var folder : FOLDERS.entrySet()) {
        for (Resource root : resolver.getResources("classpath*:" + folder.getKey() + "/")) {
          String rootUrl = root.getURL().toString();
          for (Resource resource : resolver.getResources(rootUrl + "**/*")) {
            String url = resource.getURL().toString();
            if (resource.isReadable() && folder.getValue().stream().anyMatch(url::endsWith)) {
              found.putIfAbsent(folder.getKey() + "/" + url.substring(rootUrl.length()), resource);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the process resources", e);
    }
    return found;
  }

  private static InputStream read(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
