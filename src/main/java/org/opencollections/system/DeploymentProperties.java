package org.opencollections.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the start-up deployment of {@code processes/} and {@code forms/} treats versions deployed
 * from elsewhere, such as Camunda Modeler ({@link ProcessResourcesDeployer}).
 *
 * @param replaceNewer deploy a changed file even when a newer version of its process, decision or
 *     form was deployed from elsewhere since start-up last deployed the file; meant for one start
 */
@ConfigurationProperties("collections.deployment")
public record DeploymentProperties(boolean replaceNewer) {
}
