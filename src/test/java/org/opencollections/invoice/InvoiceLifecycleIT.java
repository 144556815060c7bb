package org.opencollections.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.MailServer;
import org.opencollections.fixtures.MailServer.Mail;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** A billing system posts invoices and payments over REST; the mails arrive at a real SMTP server. */
class InvoiceLifecycleIT extends IntegrationTest {

  private static final String CONTACT = "Åsa Öberg <asa.oberg@oberg.example>";

  @Autowired
  HistoryService historyService;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void startOfMarch() {
    time.setNow(Instant.parse("2026-03-02T10:00:00Z"));
  }

  private Task openTask(String invoiceNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(invoiceNumber).singleResult();
  }



  private static List<JsonNode> contacts(Answer invoiceCase) {
    return StreamSupport.stream(invoiceCase.body().get("contacts").spliterator(), false).toList();
  }

  @Test
  void unpaidInvoiceIsFollowedUpStepByStepUntilTheCustomerIsOnCreditHold() {
    Answer created = post("/api/invoices", invoice("LC-1001"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("/status")).isEqualTo("OPEN");
    assertThat(created.text("/balance")).isEqualTo("1250.00");
    // ISO 11649: what the customer's bank passes on, so the payment finds its invoice
    assertThat(created.text("/creditorReference")).isEqualTo("RF51LC1001");
    time.runDueJobs();

    Mail invoiceMail = lastMail("LC-1001");
    assertThat(invoiceMail.to()).containsExactly(CONTACT);
    assertThat(invoiceMail.from()).isEqualTo("Northwind Supplies AB <accounts@northwind.example>");
    assertThat(invoiceMail.subject()).isEqualTo("Invoice LC-1001 from Northwind Supplies AB");
    assertThat(invoiceMail.body()).startsWith("Dear Åsa Öberg,")
        .contains("Amount:          €1,250.00", "Due date:        April 1, 2026",
            "IBAN:            SE45 5000 0000 0583 9825 7466", "Reference:       RF51 LC10 01");

    time.travelTo(LocalDate.of(2026, 3, 5));
    assertThat(lastMail("LC-1001").subject()).isEqualTo("Did invoice LC-1001 reach you?");
    // 3 days before the due date is a Sunday: the reminder goes out on Monday
    time.travelTo(LocalDate.of(2026, 3, 29));
    assertThat(lastMail("LC-1001").subject()).isEqualTo("Did invoice LC-1001 reach you?");
    time.travelTo(LocalDate.of(2026, 3, 30));
    assertThat(lastMail("LC-1001").subject())
        .isEqualTo("Friendly reminder: invoice LC-1001 is due on April 1, 2026");
    time.travelTo(LocalDate.of(2026, 4, 6));
    Mail overdue = lastMail("LC-1001");
    assertThat(overdue.subject()).isEqualTo("Invoice LC-1001 is past its due date");
    assertThat(overdue.body()).startsWith("Dear Åsa Öberg,")
        .contains("Perhaps it was overlooked", "pay the open amount by April 13, 2026",
            "If this reminder crossed with your payment, please disregard it");

    time.travelTo(LocalDate.of(2026, 4, 8));
    Task call = callTask("C-LC-1001");
    assertThat(call.getName()).isEqualTo("Call the customer");
    assertThat(call.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-04-08T08:00:00Z"));
    assertThat(call.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-04-09T08:00:00Z"));
    // 7 days overdue + 10 x log10(1 + 1250 / 100) = 7 + 11
    assertThat(call.getPriority()).isEqualTo(18);
    assertThat(taskService.getIdentityLinksForTask(call.getId())).extracting(IdentityLink::getGroupId)
        .contains("collectionClerks");
    assertThat(taskService.getVariablesLocal(call.getId()))
        .containsEntry("contactName", "Åsa Öberg")
        .containsEntry("contactPhone", "+46 8 123 456 78")
        .containsEntry("totalOpenText", "EUR 1250.00")
        .containsEntry("daysOverdue", 7L);
    assertThat(taskService.getVariableLocal(call.getId(), "openInvoices").toString()).contains("LC-1001");
    assertThat(taskService.getVariableLocal(call.getId(), "contactHistory").toString())
        .contains("Did invoice LC-1001 reach you?", "Invoice LC-1001 is past its due date");
    assertThat(get("/api/invoices/LC-1001").text("/stage")).isEqualTo("CALL_DUE");

    Answer completed = submitForm(TestUsers.CLERK, call,
        "{\"callOutcome\": {\"value\": \"NO_ANSWER\"}, \"callNote\": {\"value\": \"Voicemail, left a message\"}}");
    assertThat(completed.status()).isEqualTo(204);
    Answer afterCall = get("/api/invoices/LC-1001");
    assertThat(afterCall.text("/stage")).isEqualTo("CUSTOMER_NOT_REACHED");
    JsonNode callEntry = contacts(afterCall).get(4);
    assertThat(callEntry.get("channel").asText()).isEqualTo("PHONE");
    assertThat(callEntry.get("outcome").asText()).isEqualTo("NO_ANSWER");
    assertThat(callEntry.get("note").asText()).isEqualTo("Voicemail, left a message");
    assertThat(callEntry.get("by").asText()).isEqualTo(TestUsers.CLERK);

    // not reached: called again on the next two working days, then the policy's next reminder (a
    // firmer mail offering instalments, 10 days after the due date) and the sales rep
    time.travelTo(LocalDate.of(2026, 4, 9));
    submitForm(TestUsers.CLERK, callTask("C-LC-1001"), "{\"callOutcome\": {\"value\": \"NO_ANSWER\"}}");
    time.travelTo(LocalDate.of(2026, 4, 10));
    assertThat(subjects("LC-1001")).hasSize(4);
    submitForm(TestUsers.CLERK, callTask("C-LC-1001"), "{\"callOutcome\": {\"value\": \"NO_ANSWER\"}}");
    time.runDueJobs();
    assertThat(subjects("LC-1001")).hasSize(4);
    // 10 days after the due date is a Saturday
    time.travelTo(LocalDate.of(2026, 4, 13));

    List<Mail> mails = MailServer.mailsAbout("LC-1001");
    Mail secondNotice = mails.get(mails.size() - 2);
    assertThat(secondNotice.subject()).isEqualTo("Second reminder: invoice LC-1001 is 12 days overdue");
    assertThat(secondNotice.body()).startsWith("Dear Åsa Öberg,")
        .contains("we can split it into instalments", "Late-payment charges",
            "If this reminder crossed with your payment, please disregard it");
    Mail escalation = lastMail("LC-1001");
    assertThat(escalation.to()).containsExactly("sam.sales@northwind.example");
    assertThat(escalation.cc()).containsExactly("finance.director@northwind.example",
        "collections.lead@northwind.example");
    assertThat(escalation.subject()).isEqualTo("Öberg Verktyg AB: invoice LC-1001 is 12 days overdue");
    assertThat(escalation.body()).contains("Contact:         Åsa Öberg, +46 8 123 456 78",
        "Call by clara: no answer (Voicemail, left a message)", "A copy of the invoice is attached.");
    assertThat(escalation.attachments()).singleElement()
        .satisfies(copy -> assertThat(copy.fileName()).isEqualTo("invoice-LC-1001.pdf"));
    assertThat(callTask("C-LC-1001")).isNull();
    Task followUp = openTask("LC-1001");
    assertThat(followUp.getName()).isEqualTo("Follow up with the customer");
    assertThat(taskService.getIdentityLinksForTask(followUp.getId()))
        .extracting(IdentityLink::getUserId).contains(TestUsers.SALES_REP);
    assertThat(get("/api/customers/C-LC-1001/credit-status").body().get("onHold").asBoolean()).isFalse();

    time.travelTo(LocalDate.of(2026, 5, 1));
    Answer creditStatus = get("/api/customers/C-LC-1001/credit-status");
    assertThat(creditStatus.status()).isEqualTo(200);
    assertThat(creditStatus.body().get("onHold").asBoolean()).isTrue();
    assertThat(creditStatus.text("/since")).isEqualTo("2026-05-01T12:00:00Z");
    assertThat(creditStatus.text("/reason")).isEqualTo("Invoice LC-1001 unpaid 30 days after its due date");
    assertThat(get("/api/invoices/LC-1001").text("/stage")).isEqualTo("CREDIT_HOLD");

    time.travelTo(LocalDate.of(2026, 7, 1));
    // the SMTP server lists the mails per mailbox: the customer's, then the sales rep's
    assertThat(subjects("LC-1001")).containsExactly(
        "Invoice LC-1001 from Northwind Supplies AB",
        "Did invoice LC-1001 reach you?",
        "Friendly reminder: invoice LC-1001 is due on April 1, 2026",
        "Invoice LC-1001 is past its due date",
        "Second reminder: invoice LC-1001 is 12 days overdue",
        "Your account is on credit hold: invoice LC-1001 is 30 days overdue",
        "Öberg Verktyg AB: invoice LC-1001 is 12 days overdue");
  }

  @Test
  void paymentAfterTheOverdueNoticeThanksTheCustomerAndNoReminderFollows() {
    post("/api/invoices", invoice("LC-2001"));
    time.travelTo(LocalDate.of(2026, 4, 6));
    // time jumped past the due date: the courtesy mails no longer fit and were skipped
    assertThat(subjects("LC-2001")).containsExactly("Invoice LC-2001 from Northwind Supplies AB",
        "Invoice LC-2001 is past its due date");

    Answer paid = post("/api/payments", payment("LC-2001", "1250.00", "EUR", "2026-04-06", "BANK-2001"));
    assertThat(paid.status()).isEqualTo(201);
    assertThat(paid.text("/invoiceStatus")).isEqualTo("PAID");
    assertThat(paid.text("/invoiceBalance")).isEqualTo("0.00");
    time.runDueJobs();

    Mail thanks = lastMail("LC-2001");
    assertThat(thanks.to()).containsExactly(CONTACT);
    assertThat(thanks.subject()).isEqualTo("Thank you for your payment of invoice LC-2001");
    assertThat(thanks.body()).startsWith("Dear Åsa Öberg,").contains("settled in full");

    time.travelTo(LocalDate.of(2026, 7, 1));
    assertThat(subjects("LC-2001")).hasSize(3);
    Answer invoiceCase = get("/api/invoices/LC-2001");
    assertThat(invoiceCase.text("/status")).isEqualTo("PAID");
    assertThat(invoiceCase.text("/stage")).isEqualTo("SETTLED");
    assertThat(openTask("LC-2001")).isNull();
    HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey("LC-2001").singleResult();
    assertThat(history.getState()).isEqualTo("COMPLETED");
    assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(history.getId()).activityId("End_InvoicePaid").count()).isOne();
  }

  @Test
  void paymentBeforeTheDueDateMeansNoReminderAtAll() {
    post("/api/invoices", invoice("LC-2002"));
    time.runDueJobs();
    post("/api/payments", payment("LC-2002", "1250.00", "EUR", "2026-03-03", "BANK-2002"));
    time.travelTo(LocalDate.of(2026, 7, 1));

    assertThat(subjects("LC-2002")).containsExactly("Invoice LC-2002 from Northwind Supplies AB",
        "Thank you for your payment of invoice LC-2002");
  }

  @Test
  void partialPaymentLowersTheBalanceAndTheCaseGoesOn() {
    post("/api/invoices", invoice("LC-3001", "1000.00", "EUR", "2026-03-02", "2026-04-01"));
    time.travelTo(LocalDate.of(2026, 3, 10));

    Answer partial = post("/api/payments", payment("LC-3001", "400.00", "EUR", "2026-03-10", "BANK-3001"));
    assertThat(partial.status()).isEqualTo(201);
    assertThat(partial.text("/invoiceStatus")).isEqualTo("OPEN");
    assertThat(partial.text("/invoiceBalance")).isEqualTo("600.00");

    time.travelTo(LocalDate.of(2026, 4, 6));
    Mail overdue = lastMail("LC-3001");
    assertThat(overdue.subject()).isEqualTo("Invoice LC-3001 is past its due date");
    assertThat(overdue.body()).contains("Amount open:     €600.00",
        "(of €1,000.00; thank you for the €400.00 already received)");

    post("/api/payments", payment("LC-3001", "600.00", "EUR", "2026-04-07", "BANK-3002"));
    time.runDueJobs();
    assertThat(lastMail("LC-3001").subject()).isEqualTo("Thank you for your payment of invoice LC-3001");
    Answer invoiceCase = get("/api/invoices/LC-3001");
    assertThat(invoiceCase.text("/balance")).isEqualTo("0.00");
    assertThat(invoiceCase.body().get("payments")).hasSize(2);
  }

  @Test
  void paymentsReportedOutOfOrderCloseTheInvoiceOnTheLastValueDate() {
    post("/api/invoices", invoice("LC-3101", "1000.00", "EUR", "2026-03-02", "2026-04-01"));
    post("/api/payments", payment("LC-3101", "400.00", "EUR", "2026-04-10", "BANK-3101"));
    post("/api/payments", payment("LC-3101", "600.00", "EUR", "2026-04-03", "BANK-3102"));
    assertThat(get("/api/invoices/LC-3101").text("/status")).isEqualTo("PAID");
    // on 5 April the invoice still owed 400.00: the reports must not count it closed before the 10th
    assertThat(jdbc.queryForObject("select closed_on from invoice where invoice_number = 'LC-3101'",
        LocalDate.class)).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(jdbc.queryForList("select p.stage from payment p join invoice i on i.id = p.invoice_id"
        + " where i.invoice_number = 'LC-3101' order by p.id", String.class))
        .containsExactly("REGISTERED", "REGISTERED");
  }

  @Test
  void aRepeatedPaymentIsRecordedOnce() {
    post("/api/invoices", invoice("LC-4001"));
    String payment = payment("LC-4001", "100.00", "EUR", "2026-03-03", "BANK-4001");

    assertThat(post("/api/payments", payment).status()).isEqualTo(201);
    Answer again = post("/api/payments", payment);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("/invoiceBalance")).isEqualTo("1150.00");

    Answer conflicting = post("/api/payments", payment("LC-4001", "200.00", "EUR", "2026-03-03", "BANK-4001"));
    assertThat(conflicting.status()).isEqualTo(409);
    assertThat(conflicting.text("/detail")).contains("BANK-4001 was already recorded for a different payment");
    Answer invoiceCase = get("/api/invoices/LC-4001");
    assertThat(invoiceCase.body().get("payments")).hasSize(1);
    assertThat(invoiceCase.text("/balance")).isEqualTo("1150.00");
  }

  @Test
  void anInvoiceBringingTheSameCustomerDetailsLeavesTheCustomerUnchanged() {
    assertThat(post("/api/invoices", forCustomer(invoice("LC-4101"), "C-LC-41")).status()).isEqualTo(201);
    Map<String, Object> first = jdbc.queryForMap("select version, updated_at from customer where id = 'C-LC-41'");

    // no new version, so invoices of one customer posted at the same moment do not conflict
    time.setNow(Instant.parse("2026-03-02T11:00:00Z"));
    assertThat(post("/api/invoices", forCustomer(invoice("LC-4102"), "C-LC-41")).status()).isEqualTo(201);
    assertThat(jdbc.queryForMap("select version, updated_at from customer where id = 'C-LC-41'"))
        .isEqualTo(first);

    time.setNow(Instant.parse("2026-03-02T12:00:00Z"));
    assertThat(post("/api/invoices", forCustomer(invoice("LC-4103"), "C-LC-41")
        .replace("asa.oberg@oberg.example", "ap@oberg.example")).status()).isEqualTo(201);
    Map<String, Object> changed = jdbc.queryForMap("select version, updated_at, email from customer where id = 'C-LC-41'");
    assertThat(((Number) changed.get("version")).longValue()).isEqualTo(((Number) first.get("version")).longValue() + 1);
    assertThat(changed.get("email")).isEqualTo("ap@oberg.example");
    assertThat(((OffsetDateTime) changed.get("updated_at")).toInstant()).isEqualTo("2026-03-02T12:00:00Z");
  }

  private static String forCustomer(String invoice, String customerId) {
    return invoice.replaceFirst("\"id\": \"C-[^\"]*\"", "\"id\": \"" + customerId + "\"");
  }

  @Test
  void aPromiseInThePastIsRefusedAndABrokenPromisePutsTheCustomerOnHoldAtOnce() {
    post("/api/invoices", invoice("LC-5001"));
    time.travelTo(LocalDate.of(2026, 4, 8));
    Task call = callTask("C-LC-5001");

    Answer refused = submitForm(TestUsers.CLERK, call, "{\"callOutcome\": {\"value\": \"PROMISED_TO_PAY\"},"
        + " \"promisedDate\": {\"value\": \"2026-04-01\"}, \"promisedAmount\": {\"value\": 1250}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("/message")).isEqualTo("The promised payment date 2026-04-01 is in the past.");
    Answer tooMuch = submitForm(TestUsers.CLERK, call, "{\"callOutcome\": {\"value\": \"PROMISED_TO_PAY\"},"
        + " \"promisedDate\": {\"value\": \"2026-04-20\"}, \"promisedAmount\": {\"value\": 1300}}");
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.text("/message"))
        .isEqualTo("The promised amount 1300 is more than the open balance of 1250.00.");
    assertThat(callTask("C-LC-5001").getId()).isEqualTo(call.getId());
    assertThat(contacts(get("/api/invoices/LC-5001"))).noneMatch(c -> c.get("kind").asText().equals("CALL"));

    Answer promised = submitForm(TestUsers.CLERK, call, "{\"callOutcome\": {\"value\": \"PROMISED_TO_PAY\"},"
        + " \"promisedDate\": {\"value\": \"2026-04-20\"}, \"promisedAmount\": {\"value\": 1250}}");
    assertThat(promised.status()).isEqualTo(204);
    Answer invoiceCase = get("/api/invoices/LC-5001");
    assertThat(invoiceCase.text("/stage")).isEqualTo("PROMISED_TO_PAY");
    assertThat(contacts(invoiceCase)).anyMatch(c -> c.get("kind").asText().equals("CALL")
        && c.get("promisedOn").asText().equals("2026-04-20") && c.get("note").asText().equals("Promised 1250"));

    time.travelTo(LocalDate.of(2026, 4, 21));
    assertThat(subjects("LC-5001")).noneMatch(subject -> subject.contains("overdue"));
    assertThat(get("/api/customers/C-LC-5001/credit-status").body().get("onHold").asBoolean()).isFalse();

    time.travelTo(LocalDate.of(2026, 4, 22));
    Answer creditStatus = get("/api/customers/C-LC-5001/credit-status");
    assertThat(creditStatus.body().get("onHold").asBoolean()).isTrue();
    assertThat(creditStatus.text("/reason")).isEqualTo("Promise to pay 1250 by 2026-04-20 was broken");
    assertThat(lastMail("LC-5001").subject()).isEqualTo("Öberg Verktyg AB: invoice LC-5001 is 21 days overdue");
    assertThat(get("/api/invoices/LC-5001").text("/stage")).isEqualTo("ESCALATED_TO_SALES_REP");
    Task brokenPromise = taskService.createTaskQuery().taskDefinitionKey("Task_FollowUpBrokenPromise")
        .processInstanceBusinessKey("C-LC-5001").singleResult();
    assertThat(brokenPromise.getName()).isEqualTo("Follow up the broken promise");

    // paid at last: the hold is lifted by itself, the follow-up closes
    post("/api/payments", payment("LC-5001", "1250.00", "EUR", "2026-04-23", "BANK-5001"));
    Answer lifted = get("/api/customers/C-LC-5001/credit-status");
    assertThat(lifted.body().get("onHold").asBoolean()).isFalse();
    assertThat(lifted.body().get("history")).hasSize(2);
    assertThat(lifted.text("/history/1/action")).isEqualTo("LIFTED");
    assertThat(lifted.text("/history/1/by")).isEqualTo("system");
  }

  @Test
  void aCustomerOnHoldStaysOnTheFirstHoldWhenASecondInvoiceReachesIt() {
    post("/api/invoices", invoice("LC-6001", "100.00", "EUR", "2026-03-02", "2026-04-01"));
    post("/api/invoices", invoice("LC-6002", "200.00", "EUR", "2026-03-03", "2026-04-02")
        .replace("C-LC-6002", "C-LC-6001"));

    // one call for both invoices, which nobody makes: both go to the sales rep, then on hold
    time.travelTo(LocalDate.of(2026, 4, 9));
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_CallCustomer")
        .processInstanceBusinessKey("C-LC-6001").count()).isOne();
    time.travelTo(LocalDate.of(2026, 5, 3));

    Answer creditStatus = get("/api/customers/C-LC-6001/credit-status");
    // time jumped to 3 May: LC-6001 is 32 days overdue, LC-6002 31
    assertThat(creditStatus.text("/reason")).isEqualTo("Invoice LC-6001 unpaid 32 days after its due date");
    assertThat(creditStatus.text("/since")).isEqualTo("2026-05-03T12:00:00Z");
    // LC-6002 reaches 30 days on Saturday 2 May: its step moves to Monday
    time.travelTo(LocalDate.of(2026, 5, 4));
    List<JsonNode> holds = contacts(get("/api/invoices/LC-6002")).stream()
        .filter(contact -> contact.get("kind").asText().equals("CREDIT_HOLD")).toList();
    assertThat(holds).singleElement().satisfies(hold -> {
      assertThat(hold.get("outcome").asText()).isEqualTo("ALREADY_ON_HOLD");
      assertThat(hold.get("note").asText()).contains("on hold since 2026-05-03T12:00:00Z");
    });
  }
}
