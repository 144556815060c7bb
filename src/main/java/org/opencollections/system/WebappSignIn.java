package org.opencollections.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone signed in to Tasklist, Cockpit or Admin is signed in to the report pages too: the
 * webapps keep their sign-in in the same HTTP session. Their groups are read afresh from the
 * identity service; signing out of the webapps ends it here as well.
 */
class WebappSignIn extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  private final IdentityService identityService;

  WebappSignIn(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    var session = request.getSession(false);
    var context = SecurityContextHolder.getContext();
    if (session != null && context.getAuthentication() == null) {
      var webapps = AuthenticationUtil.getAuthsFromSession(session);
      var user = webapps == null ? null : webapps.getAuthenticationForProcessEngine(ENGINE);
      if (user != null) {
        var signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(CamundaIdentityAuthenticationProvider.signedIn(identityService,
            user.getName()));
        SecurityContextHolder.setContext(signedIn);
      }
    }
    chain.doFilter(request, response);
  }
}
