package org.opencollections.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.springframework.http.HttpMethod;

/** Credit holds by hand: a manager places one at once; lifting one takes a second manager. */
class CreditHoldIT extends IntegrationTest {

  @BeforeEach
  void startOfMarch() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
  }

  private Answer requestChange(String user, String customerId, String action, String reason) {
    return call(user, HttpMethod.POST, "/engine-rest/process-definition/key/creditHoldChange/submit-form",
        "{\"variables\": {\"customerId\": {\"value\": \"" + customerId + "\"}, \"holdAction\": {\"value\": \""
            + action + "\"}, \"holdReason\": {\"value\": \"" + reason + "\"}}}");
  }

  private Answer status(String customerId) {
    return get("/api/customers/" + customerId + "/credit-status");
  }

  private Task approval() {
    return taskService.createTaskQuery().taskDefinitionKey("Task_ApproveLift").singleResult();
  }

  @Test
  void aManagersHoldTakesEffectAtOnceAndOutlastsThePayments() {
    post("/api/invoices", invoice("CH-1001"));

    Answer placed = requestChange(TestUsers.MANAGER, "C-CH-1001", "PLACE", "Bounced cheque last month");
    assertThat(placed.status()).isEqualTo(200);

    Answer onHold = status("C-CH-1001");
    assertThat(onHold.body().get("onHold").asBoolean()).isTrue();
    assertThat(onHold.text("/reason")).isEqualTo("Bounced cheque last month");
    assertThat(onHold.text("/history/0/by")).isEqualTo(TestUsers.MANAGER);
    assertThat(onHold.body().at("/history/0/manual").asBoolean()).isTrue();

    post("/api/payments", payment("CH-1001", "1250.00", "EUR", "2026-03-03", "BANK-CH-1"));
    assertThat(status("C-CH-1001").body().get("onHold").asBoolean()).isTrue();
  }

  @Test
  void liftingAHoldTakesASecondManager() {
    post("/api/invoices", invoice("CH-2001"));
    requestChange(TestUsers.MANAGER, "C-CH-2001", "PLACE", "Disputed twice this year");

    Answer asked = requestChange(TestUsers.MANAGER, "C-CH-2001", "LIFT", "Paid everything in cash");
    assertThat(asked.status()).isEqualTo(200);
    Task approval = approval();
    assertThat(taskService.getVariable(approval.getId(), "customerName")).isEqualTo("Öberg Verktyg AB");

    Answer ownApproval = submitForm(TestUsers.MANAGER, approval,
        "{\"liftDecision\": {\"value\": \"APPROVE\"}, \"liftNote\": {\"value\": \"Fine by me\"}}");
    assertThat(ownApproval.status()).isEqualTo(400);
    assertThat(ownApproval.text("/message")).isEqualTo("You asked for this lift; a second manager must decide on it.");
    assertThat(status("C-CH-2001").body().get("onHold").asBoolean()).isTrue();

    call(TestUsers.MANAGER, HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/unclaim", null);
    Answer approved = submitForm(TestUsers.SECOND_MANAGER, approval(),
        "{\"liftDecision\": {\"value\": \"APPROVE\"}, \"liftNote\": {\"value\": \"Cash receipt seen\"}}");
    assertThat(approved.status()).isEqualTo(204);

    Answer lifted = status("C-CH-2001");
    assertThat(lifted.body().get("onHold").asBoolean()).isFalse();
    assertThat(lifted.text("/history/1/action")).isEqualTo("LIFTED");
    assertThat(lifted.text("/history/1/by")).isEqualTo(TestUsers.MANAGER);
    assertThat(lifted.text("/history/1/approvedBy")).isEqualTo(TestUsers.SECOND_MANAGER);
    assertThat(lifted.text("/history/1/reason")).isEqualTo("Paid everything in cash");
  }

  @Test
  void aRefusedLiftLeavesTheHold() {
    post("/api/invoices", invoice("CH-3001"));
    requestChange(TestUsers.MANAGER, "C-CH-3001", "PLACE", "Credit limit exceeded");
    requestChange(TestUsers.MANAGER, "C-CH-3001", "LIFT", "Asked nicely");

    Answer refused = submitForm(TestUsers.SECOND_MANAGER, approval(),
        "{\"liftDecision\": {\"value\": \"REFUSE\"}, \"liftNote\": {\"value\": \"Still over the limit\"}}");
    assertThat(refused.status()).isEqualTo(204);
    assertThat(status("C-CH-3001").body().get("onHold").asBoolean()).isTrue();
    assertThat(status("C-CH-3001").body().get("history")).hasSize(1);
  }

  @Test
  void aRequestThatDoesNotFitIsRefusedBeforeAnythingStarts() {
    post("/api/invoices", invoice("CH-4001"));

    Answer notOnHold = requestChange(TestUsers.MANAGER, "C-CH-4001", "LIFT", "Why not");
    assertThat(notOnHold.status()).isEqualTo(400);
    assertThat(notOnHold.text("/message")).isEqualTo("Customer C-CH-4001 is not on credit hold.");
    Answer unknown = requestChange(TestUsers.MANAGER, "C-NOBODY", "PLACE", "Test");
    assertThat(unknown.text("/message")).isEqualTo("There is no customer C-NOBODY.");
    Answer noReason = requestChange(TestUsers.MANAGER, "C-CH-4001", "PLACE", "");
    assertThat(noReason.text("/message")).isEqualTo("The reason is required.");
    assertThat(approval()).isNull();
    assertThat(status("C-CH-4001").body().get("history")).isEmpty();
  }

  @Test
  void onlyManagersChangeCreditHolds() {
    post("/api/invoices", invoice("CH-5001"));
    for (String user : new String[] {TestUsers.CLERK, TestUsers.SALES_REP, TestUsers.AUDITOR, TestUsers.BILLING}) {
      // refused: the process is invisible to them (404) or they may not start it (403)
      assertThat(requestChange(user, "C-CH-5001", "PLACE", "Not allowed").status()).as(user).isIn(403, 404);
    }
    assertThat(status("C-CH-5001").body().get("onHold").asBoolean()).isFalse();
  }

  @Test
  void anAutomaticHoldIsLiftedWhenTheInvoicesBehindItArePaid() {
    post("/api/invoices", invoice("CH-6001"));
    post("/api/invoices", invoice("CH-6002", "300.00", "EUR", "2026-03-02", "2026-04-20")
        .replace("C-CH-6002", "C-CH-6001"));
    time.travelTo(LocalDate.of(2026, 4, 8));
    time.travelTo(LocalDate.of(2026, 5, 2));
    assertThat(status("C-CH-6001").body().get("onHold").asBoolean()).isTrue();

    // the invoice behind the hold is paid; the other, newer one is not past the threshold
    post("/api/payments", payment("CH-6001", "1250.00", "EUR", "2026-05-02", "BANK-CH-6"));

    Answer lifted = status("C-CH-6001");
    assertThat(lifted.body().get("onHold").asBoolean()).isFalse();
    assertThat(lifted.text("/history/1/reason")).isEqualTo("No open invoice keeps the customer on hold any more");
  }
}
