package org.opencollections.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.springframework.http.HttpMethod;

/** No anonymous access to our API or the engine's; writing takes a billing system or a manager. */
class SecurityIT extends IntegrationTest {

  private int status(String user, String password, HttpMethod method, String path) {
    return exchange(user, password, method, path).getStatusCode().value();
  }

  @Test
  void anonymousCallsAreRefused() {
    assertThat(status(null, null, HttpMethod.GET, "/api/invoices/ANY-1")).isEqualTo(401);
    assertThat(status(null, null, HttpMethod.POST, "/api/invoices")).isEqualTo(401);
    assertThat(status(null, null, HttpMethod.POST, "/api/payments")).isEqualTo(401);
    assertThat(status(null, null, HttpMethod.GET, "/api/customers/ANY-1/credit-status")).isEqualTo(401);
    assertThat(status(null, null, HttpMethod.GET, "/engine-rest/task")).isEqualTo(401);
    assertThat(status(null, null, HttpMethod.GET, "/engine-rest/process-definition")).isEqualTo(401);
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThat(status(TestUsers.BILLING, "guess", HttpMethod.GET, "/api/invoices/ANY-1")).isEqualTo(401);
    assertThat(status(TestUsers.BILLING, "guess", HttpMethod.GET, "/engine-rest/task")).isEqualTo(401);
  }

  @Test
  void clerksSalesRepsAndAuditorsReadButDoNotPostInvoicesOrPayments() {
    post("/api/invoices", invoice("SEC-1"));
    for (String reader : new String[] {TestUsers.CLERK, TestUsers.SALES_REP, TestUsers.AUDITOR}) {
      assertThat(call(reader, HttpMethod.GET, "/api/invoices/SEC-1", null).status()).as(reader).isEqualTo(200);
      assertThat(call(reader, HttpMethod.POST, "/api/invoices", invoice("SEC-2")).status()).as(reader).isEqualTo(403);
      assertThat(call(reader, HttpMethod.POST, "/api/payments",
          payment("SEC-1", "1.00", "EUR", "2026-03-02", "SEC-P-" + reader)).status()).as(reader).isEqualTo(403);
    }
    assertThat(get("/api/invoices/SEC-1").body().get("payments")).isEmpty();
    assertThat(get("/api/invoices/SEC-2").status()).isEqualTo(404);
  }

  @Test
  void managersMayPostInvoices() {
    assertThat(call(TestUsers.MANAGER, HttpMethod.POST, "/api/invoices", invoice("SEC-3")).status()).isEqualTo(201);
  }

  @Test
  void theEngineRestApiAnswersAUserWithCredentials() {
    assertThat(status(TestUsers.CLERK, TestUsers.PASSWORD, HttpMethod.GET, "/engine-rest/task")).isEqualTo(200);
  }
}
