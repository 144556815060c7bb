package org.opencollections.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deployments from Camunda Modeler: see {@link RestDeploymentFilter} and docs/deployment.md. */
@Configuration
class DeploymentConfiguration {

  /** The REST API as Modeler calls it, and as the webapps call it ({@code /camunda/api/engine}). */
  @Bean
  FilterRegistrationBean<RestDeploymentFilter> restDeploymentFilter(HistoryRetention retention,
      CollectionsAuthorizations authorizations, IdentityService identityService, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(
        new RestDeploymentFilter(retention, authorizations, identityService, json));
    registration.setName("rest-deployment");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // around the REST API's authentication: it answers 401 before the engine sees the request
    registration.setOrder(SecurityConfiguration.ENGINE_REST_AUTHENTICATION_ORDER - 1);
    return registration;
  }
}
