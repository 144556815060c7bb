package org.opencollections.dunning.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** One call per customer, worked by a clerk over the REST API as Tasklist does. */
class CustomerCallIT extends IntegrationTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;

  @BeforeEach
  void startOfMarch() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
  }

  /** Two invoices of one customer, due 1 and 3 April. */
  private void twoInvoicesOf(String customerId, String first, String second) {
    post("/api/invoices", invoice(first, "1000.00", "EUR", "2026-03-02", "2026-04-01")
        .replace("C-" + first, customerId));
    post("/api/invoices", invoice(second, "500.00", "EUR", "2026-03-04", "2026-04-03")
        .replace("C-" + second, customerId));
  }

  private String openInvoices(Task task) {
    return taskService.getVariableLocal(task.getId(), "openInvoices").toString();
  }

  private boolean callIsOpen(String customerId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("customerCall")
        .processInstanceBusinessKey(customerId).count() > 0;
  }

  @Test
  void oneCallCoversEveryInvoiceOfTheCustomerAndItsOutcomeAppliesToEach() {
    twoInvoicesOf("C-CC-1", "CC-1001", "CC-1002");

    time.travelTo(LocalDate.of(2026, 4, 8));
    Task call = callTask("C-CC-1");
    assertThat(openInvoices(call)).contains("CC-1001").doesNotContain("CC-1002");
    int priorityBefore = call.getPriority();

    time.travelTo(LocalDate.of(2026, 4, 10));
    Task same = callTask("C-CC-1");
    assertThat(same.getId()).isEqualTo(call.getId());
    assertThat(openInvoices(same)).contains("CC-1001", "CC-1002");
    assertThat(same.getPriority()).isGreaterThan(priorityBefore);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_CallCustomer")
        .processInstanceBusinessKey("C-CC-1").count()).isOne();

    Answer promised = submitForm(TestUsers.CLERK, same, "{\"callOutcome\": {\"value\": \"PROMISED_TO_PAY\"},"
        + " \"promisedDate\": {\"value\": \"2026-04-20\"}, \"promisedAmount\": {\"value\": 1500},"
        + " \"callNote\": {\"value\": \"Both on Monday\"}}");
    assertThat(promised.status()).isEqualTo(204);
    for (String invoiceNumber : List.of("CC-1001", "CC-1002")) {
      assertThat(get("/api/invoices/" + invoiceNumber).text("/stage")).isEqualTo("PROMISED_TO_PAY");
      assertThat(contacts(invoiceNumber)).anySatisfy(contact -> {
        assertThat(contact.get("kind").asText()).isEqualTo("CALL");
        assertThat(contact.get("outcome").asText()).isEqualTo("PROMISED_TO_PAY");
        assertThat(contact.get("promisedOn").asText()).isEqualTo("2026-04-20");
        assertThat(contact.get("note").asText()).isEqualTo("Promised 1500. Both on Monday");
        assertThat(contact.get("by").asText()).isEqualTo(TestUsers.CLERK);
      });
    }

    time.travelTo(LocalDate.of(2026, 4, 20));
    post("/api/payments", payment("CC-1001", "1000.00", "EUR", "2026-04-20", "BANK-CC-1"));
    post("/api/payments", payment("CC-1002", "500.00", "EUR", "2026-04-20", "BANK-CC-2"));
    time.travelTo(LocalDate.of(2026, 4, 23));

    assertThat(callIsOpen("C-CC-1")).isFalse();
    assertThat(get("/api/customers/C-CC-1/credit-status").body().get("onHold").asBoolean()).isFalse();
    assertThat(subjects("CC-1001")).noneMatch(subject -> subject.contains("days overdue"));
  }

  @Test
  void aDisputedInvoiceGoesToAManagerWhileTheOtherStaysInTheCall() {
    twoInvoicesOf("C-CC-2", "CC-2001", "CC-2002");
    time.travelTo(LocalDate.of(2026, 4, 10));
    Task call = callTask("C-CC-2");

    Answer disputed = submitForm(TestUsers.CLERK, call, "{\"callOutcome\": {\"value\": \"DISPUTED\"},"
        + " \"disputedInvoices\": {\"value\": \"[\\\"CC-2002\\\"]\", \"type\": \"Json\"},"
        + " \"disputeReason\": {\"value\": \"Half of the delivery was damaged\"}}");
    assertThat(disputed.status()).isEqualTo(204);
    time.runDueJobs();

    Task review = openTask("CC-2002", "Task_ReviewDispute");
    assertThat(review).isNotNull();
    assertThat(taskService.getVariable(review.getId(), "disputeReason")).isEqualTo("Half of the delivery was damaged");
    assertThat(get("/api/invoices/CC-2002").text("/stage")).isEqualTo("DISPUTED");
    Task callAgain = callTask("C-CC-2");
    assertThat(callAgain).isNotNull();
    assertThat(openInvoices(callAgain)).contains("CC-2001").doesNotContain("CC-2002");

    // the manager rejects the dispute ten days later: dunning resumes ten days later than planned
    time.travelTo(LocalDate.of(2026, 4, 20));
    Answer rejected = submitForm(TestUsers.MANAGER, review, "{\"disputeResolution\": {\"value\": \"REJECTED\"},"
        + " \"disputeNote\": {\"value\": \"The delivery note is signed without remarks\"}}");
    assertThat(rejected.status()).isEqualTo(204);
    assertThat(runtimeService.getVariable(
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CC-2002").singleResult().getId(),
        "dueDate")).isEqualTo("2026-04-13");
    time.travelTo(LocalDate.of(2026, 4, 22));
    assertThat(subjects("CC-2002")).noneMatch(subject -> subject.contains("days overdue"));
    time.travelTo(LocalDate.of(2026, 4, 23));
    assertThat(lastMail("CC-2002").subject()).isEqualTo("Öberg Verktyg AB: invoice CC-2002 is 20 days overdue");
    assertThat(contacts("CC-2002")).anySatisfy(contact -> {
      assertThat(contact.get("kind").asText()).isEqualTo("DISPUTE");
      assertThat(contact.get("outcome").asText()).isEqualTo("REJECTED");
      assertThat(contact.get("by").asText()).isEqualTo(TestUsers.MANAGER);
    });
  }

  @Test
  void anUpheldDisputeCancelsTheInvoice() {
    post("/api/invoices", invoice("CC-3001"));
    time.travelTo(LocalDate.of(2026, 4, 8));
    submitForm(TestUsers.CLERK, callTask("C-CC-3001"), "{\"callOutcome\": {\"value\": \"DISPUTED\"},"
        + " \"disputeReason\": {\"value\": \"Never ordered\"}}");
    time.runDueJobs();

    Answer upheld = submitForm(TestUsers.MANAGER, openTask("CC-3001", "Task_ReviewDispute"),
        "{\"disputeResolution\": {\"value\": \"UPHELD\"}, \"disputeNote\": {\"value\": \"Wrong customer\"}}");
    assertThat(upheld.status()).isEqualTo(204);
    time.runDueJobs();

    Answer invoiceCase = get("/api/invoices/CC-3001");
    assertThat(invoiceCase.text("/status")).isEqualTo("CANCELLED");
    assertThat(callIsOpen("C-CC-3001")).isFalse();
    time.travelTo(LocalDate.of(2026, 6, 1));
    assertThat(subjects("CC-3001")).noneMatch(subject -> subject.contains("days overdue"));
  }

  @Test
  void theWrongContactIsReplacedAndCalledAgainAtOnce() {
    post("/api/invoices", invoice("CC-4001"));
    time.travelTo(LocalDate.of(2026, 4, 8));
    Task call = callTask("C-CC-4001");

    Answer wrong = submitForm(TestUsers.CLERK, call, "{\"callOutcome\": {\"value\": \"WRONG_CONTACT\"},"
        + " \"newContactName\": {\"value\": \"Per Holm\"}, \"newContactPhone\": {\"value\": \"+46 8 111 22 33\"}}");
    assertThat(wrong.status()).isEqualTo(204);
    time.runDueJobs();

    JsonNode customer = get("/api/invoices/CC-4001").body().get("customer");
    assertThat(customer.get("contactName").asText()).isEqualTo("Per Holm");
    assertThat(customer.get("phone").asText()).isEqualTo("+46 8 111 22 33");
    assertThat(customer.get("email").asText()).isEqualTo("asa.oberg@oberg.example");
    Task again = callTask("C-CC-4001");
    assertThat(again.getId()).isNotEqualTo(call.getId());
    assertThat(taskService.getVariableLocal(again.getId(), "contactName")).isEqualTo("Per Holm");
    assertThat(taskService.getVariableLocal(again.getId(), "contactHistory").toString())
        .contains("New contact: Per Holm, +46 8 111 22 33");
  }

  @Test
  void aReportedPaymentIsCheckedUntilTheMoneyArrives() {
    post("/api/invoices", invoice("CC-5001"));
    time.travelTo(LocalDate.of(2026, 4, 8));
    Answer reported = submitForm(TestUsers.CLERK, callTask("C-CC-5001"),
        "{\"callOutcome\": {\"value\": \"ALREADY_PAID\"}, \"reportedPaidOn\": {\"value\": \"2026-04-07\"},"
            + " \"reportedPaymentReference\": {\"value\": \"OBERG-778\"}}");
    assertThat(reported.status()).isEqualTo(204);
    time.runDueJobs();

    Task check = openTask("C-CC-5001", "Task_CheckReportedPayment");
    assertThat(check.getAssignee()).isEqualTo(TestUsers.CLERK);
    assertThat(get("/api/invoices/CC-5001").text("/stage")).isEqualTo("PAYMENT_REPORTED");

    post("/api/payments", payment("CC-5001", "1250.00", "EUR", "2026-04-07", "OBERG-778"));
    time.runDueJobs();

    assertThat(openTask("C-CC-5001", "Task_CheckReportedPayment")).isNull();
    assertThat(callIsOpen("C-CC-5001")).isFalse();
    assertThat(lastMail("CC-5001").subject()).isEqualTo("Thank you for your payment of invoice CC-5001");
  }

  @Test
  void aReportedPaymentThatCannotBeFoundLetsDunningGoOn() {
    post("/api/invoices", invoice("CC-6001"));
    time.travelTo(LocalDate.of(2026, 4, 8));
    submitForm(TestUsers.CLERK, callTask("C-CC-6001"), "{\"callOutcome\": {\"value\": \"ALREADY_PAID\"},"
        + " \"reportedPaidOn\": {\"value\": \"2026-04-07\"}, \"reportedPaymentReference\": {\"value\": \"X-1\"}}");
    time.runDueJobs();
    Task check = openTask("C-CC-6001", "Task_CheckReportedPayment");

    Answer noNote = submitForm(TestUsers.CLERK, check, "{}");
    assertThat(noNote.status()).isEqualTo(400);
    assertThat(noNote.text("/message")).isEqualTo("A note on what you did is required.");
    Answer notFound = submitForm(TestUsers.CLERK, check,
        "{\"followUpNote\": {\"value\": \"No such payment in the statements of 7 and 8 April\"}}");
    assertThat(notFound.status()).isEqualTo(204);
    // dunning goes on: the last reminder of the policy (10 days, a Saturday, so Monday), then the sales rep
    time.travelTo(LocalDate.of(2026, 4, 13));

    assertThat(subjects("CC-6001")).endsWith("Second reminder: invoice CC-6001 is 12 days overdue",
        "Öberg Verktyg AB: invoice CC-6001 is 12 days overdue");
    assertThat(contacts("CC-6001")).anySatisfy(contact ->
        assertThat(contact.get("outcome").asText()).isEqualTo("PAYMENT_NOT_FOUND"));
  }

  @Test
  void aCallWithABadValueIsRefusedWithAMessageAndNothingChanges() {
    post("/api/invoices", invoice("CC-7001"));
    time.travelTo(LocalDate.of(2026, 4, 8));
    Task call = callTask("C-CC-7001");

    assertThat(submitForm(TestUsers.CLERK, call, "{\"callOutcome\": {\"value\": \"DISPUTED\"}}").text("/message"))
        .isEqualTo("The reason for the dispute is required.");
    assertThat(submitForm(TestUsers.CLERK, call, "{\"callOutcome\": {\"value\": \"WRONG_CONTACT\"},"
        + " \"newContactName\": {\"value\": \"Per Holm\"}}").text("/message"))
        .isEqualTo("Give the new contact's phone number or e-mail address.");
    assertThat(submitForm(TestUsers.CLERK, call, "{\"callOutcome\": {\"value\": \"ALREADY_PAID\"},"
        + " \"reportedPaidOn\": {\"value\": \"2026-04-09\"}, \"reportedPaymentReference\": {\"value\": \"X\"}}")
        .text("/message")).isEqualTo("The payment date 2026-04-09 is in the future.");
    assertThat(submitForm(TestUsers.CLERK, call, "{}").text("/message"))
        .isEqualTo("The call outcome is required.");

    assertThat(callTask("C-CC-7001").getId()).isEqualTo(call.getId());
    assertThat(contacts("CC-7001")).noneMatch(contact -> contact.get("kind").asText().equals("CALL"));
    assertThat(get("/api/invoices/CC-7001").text("/stage")).isEqualTo("CALL_DUE");
  }
}
