package org.opencollections.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What a deployment over the engine's REST API (Camunda Modeler's <i>Deploy</i>, a redeploy) gets
 * on top of the engine's own handling, before the answer goes back:
 *
 * <ul>
 *   <li>the configured history retention on the new versions at once ({@link HistoryRetention}),
 *   not only at its next hourly run;</li>
 *   <li>the deploying user keeps reading the deployment but loses the {@code DELETE} the engine
 *   grants on it ({@link CollectionsAuthorizations#withoutDeletion});</li>
 *   <li>a file the engine cannot read at all (not well-formed XML, a DMN it cannot transform, a
 *   form that is not JSON) is refused with {@code 400}, like every other invalid diagram, instead
 *   of the engine's {@code 500}; the engine's message stays as it is.</li>
 * </ul>
 */
class RestDeploymentFilter extends OncePerRequestFilter {

  private static final Pattern DEPLOYMENT = Pattern.compile(".*/deployment/(create|[^/]+/redeploy)$");
  /** The engine's codes for a file it cannot read: not XML, a DMN it cannot transform, not a form. */
  private static final List<String> UNREADABLE = List.of("ENGINE-09003 ", "ENGINE-22004 ", "ENGINE-09033 ");

  private static final Logger log = LoggerFactory.getLogger(RestDeploymentFilter.class);

  private final HistoryRetention retention;
  private final CollectionsAuthorizations authorizations;
  private final IdentityService identityService;
  private final ObjectMapper json;

  RestDeploymentFilter(HistoryRetention retention, CollectionsAuthorizations authorizations,
      IdentityService identityService, ObjectMapper json) {
    this.retention = retention;
    this.authorizations = authorizations;
    this.identityService = identityService;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !DEPLOYMENT.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, answer);
      if (answer.getStatus() == HttpServletResponse.SC_OK) {
        JsonNode id = json.readTree(answer.getContentAsByteArray()).get("id");
        if (id != null && id.isTextual()) {
          afterDeployment(id.asText());
        }
      } else if (answer.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
          && UNREADABLE.stream().anyMatch(message(answer.getContentAsByteArray())::startsWith)) {
        answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  /** Housekeeping of the application, not the deploying user's: without their engine permissions. */
  private void afterDeployment(String deploymentId) {
    Authentication user = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      retention.apply();
      authorizations.withoutDeletion(deploymentId);
    } finally {
      if (user != null) {
        identityService.setAuthentication(user);
      }
    }
    log.info("Deployment {} over the REST API: retention set, deletion left to administrators", deploymentId);
  }

  private String message(byte[] body) {
    try {
      JsonNode message = json.readTree(body).get("message");
      return message == null ? "" : message.asText();
    } catch (IOException e) {
      return "";
    }
  }
}
