package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Outside the demo profile nothing answers an anonymous caller with data: every endpoint of the
 * application, and a sample of the engine's REST API and the webapps' API, refuses a request
 * without credentials, except the health status, the sign-in page and the error page. The list is
 * read from the application itself, so a new controller is checked without changing this test.
 */
class SecureByDefaultIT extends IntegrationTest {

  /**
   * What may answer anonymously: the health status a load balancer asks for, signing in, and the
   * short links into Tasklist (a redirect that carries no data; Tasklist asks for the sign-in).
   */
  private static final Set<String> OPEN = Set.of("GET /actuator/health", "GET /actuator/health/**",
      "GET /actuator/health/readiness", "GET /reports/login", "POST /reports/login", "GET /error",
      "POST /error", "GET /tasklist/{name}");

  private static final List<String> ENGINE_AND_WEBAPPS = List.of(
      "GET /engine-rest/task", "GET /engine-rest/process-definition", "GET /engine-rest/deployment",
      "POST /engine-rest/deployment/create", "GET /engine-rest/history/process-instance",
      "GET /engine-rest/user", "GET /engine-rest/incident", "GET /engine-rest/job",
      "GET /camunda/api/engine/engine/default/task", "GET /camunda/api/engine/engine/default/process-definition",
      "GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
      "GET /camunda/api/engine/engine/default/user", "GET /camunda/api/engine/engine/default/filter");

  @LocalServerPort
  int port;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void noEndpointAnswersAnAnonymousCallerExceptHealthAndSignIn() {
    List<String> endpoints = new ArrayList<>(applicationEndpoints());
    endpoints.addAll(List.of("GET /actuator/prometheus", "GET /actuator/metrics", "GET /actuator/env",
        "GET /actuator/beans", "GET /actuator/health/readiness"));
    endpoints.addAll(ENGINE_AND_WEBAPPS);
    assertThat(endpoints).as("the application's own endpoints were found")
        .contains("GET /api/invoices/{invoiceNumber}", "POST /api/payments");

    List<String> answered = new ArrayList<>();
    for (String endpoint : endpoints) {
      if (OPEN.contains(endpoint)) {
        continue;
      }
      String[] parts = endpoint.split(" ", 2);
      HttpResponse<String> response = send(http, parts[0], concrete(parts[1]), null, null);
      if (!refused(response)) {
        answered.add(endpoint + " -> " + response.statusCode() + " " + abbreviate(response.body()));
      }
    }
    assertThat(answered).as("endpoints that answered an anonymous caller").isEmpty();
  }

  @Test
  void theWebappsRefuseAChangeWithoutTheirCsrfToken() {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String token = csrfToken(browser, send(browser, "GET", "/camunda/app/tasklist/default/", null, null));
    HttpResponse<String> signedIn = send(browser, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + TestUsers.MANAGER + "&password=" + TestUsers.PASSWORD, token);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .singleElement().asString().contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    // signing in starts a new session, with a token of its own
    token = csrfToken(browser, send(browser, "GET", "/camunda/app/tasklist/default/", null, null));
    String profile = "/camunda/api/engine/engine/default/user/" + TestUsers.MANAGER + "/profile";
    String changed = "{\"id\":\"" + TestUsers.MANAGER + "\",\"firstName\":\"Changed\",\"lastName\":\"Test\","
        + "\"email\":\"maria@northwind.example\"}";
    String forged = changed.replace("Changed", "Forged");

    HttpResponse<String> withToken = send(browser, "PUT", profile, changed, token);
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(204);
    assertThat(identityService.createUserQuery().userId(TestUsers.MANAGER).singleResult().getFirstName())
        .isEqualTo("Changed");
    HttpResponse<String> withoutToken = send(browser, "PUT", profile, forged, null);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    assertThat(identityService.createUserQuery().userId(TestUsers.MANAGER).singleResult().getFirstName())
        .isEqualTo("Changed");

    restoreFirstName();
  }

  private void restoreFirstName() {
    var user = identityService.createUserQuery().userId(TestUsers.MANAGER).singleResult();
    user.setFirstName(TestUsers.MANAGER);
    identityService.saveUser(user);
  }

  private static String csrfToken(HttpClient browser, HttpResponse<String> response) {
    return response.headers().firstValue("X-XSRF-TOKEN")
        .orElseThrow(() -> new AssertionError("No CSRF token from " + response.uri()));
  }

  private HttpResponse<String> send(HttpClient client, String method, String path, String body, String csrf) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
    }
    if (csrf != null) {
      request.header("X-XSRF-TOKEN", csrf);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every method and path our controllers map (Spring MVC), as "GET /api/x/{id}". */
  private Set<String> applicationEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          endpoints.add("GET " + pattern);
          endpoints.add("POST " + pattern);
        }
        for (RequestMethod requestMethod : methods) {
          endpoints.add(requestMethod.name() + " " + pattern);
        }
      }
    });
    return endpoints;
  }

  /** Refused: 401, 403, or a redirect to a sign-in page. */
  private static boolean refused(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      return true;
    }
    if (status == 302 || status == 303) {
      String location = response.headers().firstValue("Location").orElse("");
      return location.contains("/login");
    }
    return false;
  }

  private static String concrete(String pattern) {
    return pattern.replaceAll("\\{\\*?[^}]+}", "X-1").replace("/**", "/x");
  }

  private static String abbreviate(String body) {
    return body.length() > 120 ? body.substring(0, 120) + "..." : body;
  }
}
