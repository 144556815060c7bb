package org.opencollections.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.Invoices;
import org.opencollections.fixtures.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Bank statements in camt.053 from the sample files in src/test/resources/statements, read in the
 * order a bank sends them: payments by RF reference, by invoice number in the text, a partial
 * payment, an overpayment, an unknown payer, one by amount and customer; the same statement again;
 * a cut-off file; returned payments; a clerk's choice and the account learnt from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BankStatementIT extends IntegrationTest {

  private static final Path SAMPLES = Path.of("src/test/resources/statements");

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private RuntimeService runtimeService;

  @BeforeAll
  void invoices() {
    TestUsers.ensure(identityService);
    register("BK-8001", "1000.00", "C-BK-8001", "Lindqvist Bygg AB");
    register("BK-8002", "500.00", "C-BK-8001", "Lindqvist Bygg AB");
    register("BK-8005", "750.00", "C-BK-8001", "Lindqvist Bygg AB");
    register("BK-8003", "2000.00", "C-BK-8003", "Costa Ferreira Lda");
    register("BK-8004", "300.00", "C-BK-8003", "Costa Ferreira Lda");
    register("BK-8006", "123.45", "C-BK-8006", "Nimbus Handel GmbH");
    register("BK-8007", "99.00", "C-BK-8006", "Nimbus Handel GmbH");
  }

  private void register(String number, String amount, String customerId, String customerName) {
    String body = Invoices.invoice(number, amount, "EUR", "2026-10-01", "2026-10-31")
        .replace("\"id\": \"C-" + number + "\"", "\"id\": \"" + customerId + "\"")
        .replace("Öberg Verktyg AB", customerName);
    assertThat(post("/api/invoices", body).status()).isEqualTo(201);
  }

  @Test
  @Order(1)
  void aStatementIsMatchedByReferenceTextAndAmountAndTheRestGoesToAClerk() {
    Answer answer = upload("statement-2026-11-20.xml", TestUsers.BILLING);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("/format")).isEqualTo("camt.053.001.08");
    assertThat(answer.body().get("payments").asInt()).isEqualTo(6);
    assertThat(answer.body().get("recorded").asInt()).isEqualTo(5);
    assertThat(answer.body().get("toMatch").asInt()).isEqualTo(1);
    assertThat(answer.body().get("ignored").asInt()).as("the fee (a debit) and a pending credit").isEqualTo(2);

    JsonNode byReference = line(answer, "BK-20261120-0001");
    assertThat(byReference.get("invoiceNumber").asText()).isEqualTo("BK-8001");
    assertThat(byReference.get("matchedBy").asText()).isEqualTo("CREDITOR_REFERENCE");
    assertThat(invoice("BK-8001").text("/status")).isEqualTo("PAID");

    JsonNode byText = line(answer, "BK-20261120-0002");
    assertThat(byText.get("invoiceNumber").asText()).isEqualTo("BK-8002");
    assertThat(byText.get("matchedBy").asText()).isEqualTo("INVOICE_NUMBER");
    assertThat(invoice("BK-8002").text("/status")).isEqualTo("PAID");

    JsonNode partial = line(answer, "BK-20261120-0003");
    assertThat(partial.get("matchedBy").asText()).isEqualTo("CREDITOR_REFERENCE");
    assertThat(partial.get("note").asText()).contains("partial payment, 1200.00 EUR still open");
    assertThat(invoice("BK-8003").text("/status")).isEqualTo("OPEN");
    assertThat(invoice("BK-8003").text("/balance")).isEqualTo("1200.00");

    JsonNode overpaid = line(answer, "BK-20261120-0004");
    assertThat(overpaid.get("invoiceNumber").asText()).isEqualTo("BK-8004");
    assertThat(overpaid.get("note").asText()).contains("overpaid by 50.00 EUR");
    assertThat(invoice("BK-8004").text("/status")).isEqualTo("PAID");

    JsonNode unknown = line(answer, "BK-20261120-0005");
    assertThat(unknown.get("result").asText()).isEqualTo("TO_MATCH");
    assertThat(unknown.get("note").asText()).contains("Unknown Trading Ltd is no known customer");
    assertThat(texts(unknown.get("candidates"))).contains("BK-8006");

    JsonNode byAmount = line(answer, "BK-20261120-0006");
    assertThat(byAmount.get("invoiceNumber").asText()).isEqualTo("BK-8005");
    assertThat(byAmount.get("matchedBy").asText()).isEqualTo("AMOUNT_AND_CUSTOMER");

    // recorded through the same path as POST /api/payments: the bank's reference is the payment's
    assertThat(jdbc.queryForObject("select count(*) from payment where reference like 'BK-20261120-%'",
        Integer.class)).isEqualTo(5);
    assertThat(jdbc.queryForObject("select paid_on from payment where reference = 'BK-20261120-0001'",
        String.class)).isEqualTo("2026-11-20");
    Task task = openTask("BK-20261120-0005", "Task_MatchPayment");
    assertThat(task).as("a clerk's task for the unknown payer").isNotNull();
    assertThat(taskService.getVariable(task.getId(), "matchReason").toString()).contains("Unknown Trading Ltd");
  }

  @Test
  @Order(2)
  void readingTheSameStatementAgainRecordsNothingTwice() {
    int payments = count("payment");
    long tasks = taskService.createTaskQuery().taskDefinitionKey("Task_MatchPayment").count();

    Answer again = upload("statement-2026-11-20.xml", TestUsers.MANAGER);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("known").asInt()).isEqualTo(6);
    assertThat(again.body().get("recorded").asInt()).isZero();
    assertThat(again.body().get("toMatch").asInt()).isZero();
    assertThat(count("payment")).isEqualTo(payments);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_MatchPayment").count()).isEqualTo(tasks);
    assertThat(invoice("BK-8003").text("/balance")).isEqualTo("1200.00");
  }

  @Test
  @Order(3)
  void aMalformedFileIsRefusedWithItsLineAndRecordsNothing() {
    int payments = count("payment");
    int entries = count("bank_entry");
    int statements = count("bank_statement");

    Answer refused = upload("statement-malformed.xml", TestUsers.BILLING);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("/title")).isEqualTo("Unreadable statement");
    assertThat(refused.text("/detail")).startsWith("The file is not well-formed XML (line ");
    assertThat(count("payment")).isEqualTo(payments);
    assertThat(count("bank_entry")).isEqualTo(entries);
    assertThat(count("bank_statement")).isEqualTo(statements);

    Answer notCamt = raw("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"/>",
        TestUsers.BILLING);
    assertThat(notCamt.status()).isEqualTo(400);
    assertThat(notCamt.text("/detail")).contains("camt.054.001.08");
  }

  @Test
  @Order(4)
  void aReturnedPaymentIsTakenOffItsInvoiceWhichIsOwedAgain() {
    String firstCase = invoiceCase("BK-8002");

    Answer returns = upload("statement-2026-11-24-returns.xml", TestUsers.BILLING);

    assertThat(returns.status()).isEqualTo(200);
    JsonNode returned = line(returns, "BK-20261124-0001");
    assertThat(returned.get("returnedPayment").asBoolean()).isTrue();
    assertThat(returned.get("result").asText()).isEqualTo("RECORDED");
    assertThat(returned.get("matchedBy").asText()).isEqualTo("END_TO_END_ID");
    Answer invoice = invoice("BK-8002");
    assertThat(invoice.text("/status")).isEqualTo("OPEN");
    assertThat(invoice.text("/balance")).isEqualTo("500.00");
    assertThat(jdbc.queryForObject("select amount from payment where reference = 'BK-20261124-0001'",
        java.math.BigDecimal.class)).isEqualByComparingTo("-500.00");
    String newCase = invoiceCase("BK-8002");
    assertThat(newCase).isNotEqualTo(firstCase);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(newCase).count())
        .as("its collection starts anew").isEqualTo(1);
    assertThat(contacts("BK-8002")).anySatisfy(contact ->
        assertThat(contact.toString()).contains("The bank returned payment BK-20261120-0002"));

    JsonNode unknownReturn = line(returns, "BK-20261124-0002");
    assertThat(unknownReturn.get("result").asText()).isEqualTo("TO_MATCH");
    assertThat(unknownReturn.get("note").asText()).contains("matches no recorded payment");
  }

  @Test
  @Order(5)
  void aClerkAssignsTheUnknownPayerAndTheAccountIsLearnt() {
    Task task = openTask("BK-20261120-0005", "Task_MatchPayment");

    Answer refused = submitForm(TestUsers.CLERK, task, """
        {"paymentDecision": {"value": "INVOICE"}, "otherInvoiceNumber": {"value": "NO-SUCH-INVOICE"}}""");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().toString()).contains("There is no invoice NO-SUCH-INVOICE.");
    assertThat(invoice("BK-8006").text("/status")).isEqualTo("OPEN");

    Answer chosen = submitForm(TestUsers.CLERK, task, """
        {"paymentDecision": {"value": "INVOICE"}, "chosenInvoice": {"value": "BK-8006"},
         "paymentNote": {"value": "Nimbus pays through its parent company"}}""");
    assertThat(chosen.status()).isEqualTo(204);
    assertThat(invoice("BK-8006").text("/status")).isEqualTo("PAID");
    assertThat(jdbc.queryForMap("select status, matched_by, decided_by, note from bank_entry"
        + " where bank_reference = 'BK-20261120-0005'"))
        .containsEntry("STATUS", "RECORDED").containsEntry("MATCHED_BY", "CLERK")
        .containsEntry("DECIDED_BY", TestUsers.CLERK)
        .hasEntrySatisfying("NOTE", note -> assertThat(note.toString()).contains("parent company"));

    // the next payment from that account is matched by amount among the customer's invoices
    Answer next = upload("statement-2026-11-27.xml", TestUsers.BILLING);
    JsonNode learnt = line(next, "BK-20261127-0001");
    assertThat(learnt.get("invoiceNumber").asText()).isEqualTo("BK-8007");
    assertThat(learnt.get("matchedBy").asText()).isEqualTo("AMOUNT_AND_CUSTOMER");
  }

  @Test
  @Order(6)
  void aClerkSaysAReturnIsForNoInvoice() {
    Task task = openTask("BK-20261124-0002", "Task_MatchPayment");
    Answer withoutNote = submitForm(TestUsers.CLERK, task, """
        {"paymentDecision": {"value": "NOT_FOR_AN_INVOICE"}}""");
    assertThat(withoutNote.status()).isEqualTo(400);

    Answer done = submitForm(TestUsers.CLERK, task, """
        {"paymentDecision": {"value": "NOT_FOR_AN_INVOICE"}, "paymentNote": {"value": "Our refund to a former customer, returned; treasury books it"}}""");
    assertThat(done.status()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select status from bank_entry where bank_reference = 'BK-20261124-0002'",
        String.class)).isEqualTo("NOT_FOR_AN_INVOICE");
  }

  @Test
  @Order(7)
  void onlyThoseWhoPostPaymentsMayUploadStatements() {
    assertThat(upload("statement-2026-11-20.xml", TestUsers.CLERK).status()).isEqualTo(403);
    assertThat(upload("statement-2026-11-20.xml", TestUsers.AUDITOR).status()).isEqualTo(403);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_XML);
    assertThat(rest.exchange("/api/statements", HttpMethod.POST, new HttpEntity<>("<x/>", headers),
        String.class).getStatusCode().value()).isEqualTo(401);
  }

  private Answer upload(String sample, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, TestUsers.PASSWORD);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var parts = new LinkedMultiValueMap<String, Object>();
    byte[] content = read(sample);
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return sample;
      }
    });
    ResponseEntity<String> response = rest.exchange("/api/statements", HttpMethod.POST,
        new HttpEntity<>(parts, headers), String.class);
    return answer(response);
  }

  private Answer raw(String xml, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, TestUsers.PASSWORD);
    headers.setContentType(MediaType.APPLICATION_XML);
    return answer(rest.exchange("/api/statements", HttpMethod.POST, new HttpEntity<>(xml, headers), String.class));
  }

  private Answer answer(ResponseEntity<String> response) {
    try {
      return new Answer(response.getStatusCode().value(),
          response.getBody() == null ? null : json.readTree(response.getBody()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(String sample) {
    try {
      return Files.readAllBytes(SAMPLES.resolve(sample));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode line(Answer answer, String bankReference) {
    return StreamSupport.stream(answer.body().get("lines").spliterator(), false)
        .filter(line -> line.get("bankReference").asText().equals(bankReference))
        .findFirst().orElseThrow(() -> new AssertionError("no line " + bankReference + " in " + answer.body()));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private Answer invoice(String number) {
    return get("/api/invoices/" + number);
  }

  private String invoiceCase(String number) {
    return jdbc.queryForObject("select process_instance_id from invoice where invoice_number = ?",
        String.class, number);
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }
}
