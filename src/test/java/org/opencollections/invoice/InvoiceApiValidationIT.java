package org.opencollections.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencollections.fixtures.Invoices.invoice;
import static org.opencollections.fixtures.Invoices.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencollections.fixtures.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad input to the two POST endpoints: a clear 4xx that names the field, nothing stored, no case started. */
class InvoiceApiValidationIT extends IntegrationTest {

  private static final String NUMBER = "BAD-1";

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  Invoices invoices;
  @Autowired
  Customers customers;

  private String changed(String body, Consumer<ObjectNode> change) {
    try {
      ObjectNode node = (ObjectNode) json.readTree(body);
      change.accept(node);
      return json.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Arguments bad(String description, Consumer<ObjectNode> change, String field) {
    return Arguments.of(description, change, field);
  }

  private static ObjectNode customer(ObjectNode invoice) {
    return (ObjectNode) invoice.get("customer");
  }

  static Stream<Arguments> badInvoices() {
    return Stream.of(
        bad("missing invoice number", node -> node.remove("invoiceNumber"), "invoiceNumber"),
        bad("invoice number with a slash", node -> node.put("invoiceNumber", "2026/1"), "invoiceNumber"),
        bad("missing customer", node -> node.remove("customer"), "customer"),
        bad("missing contact name", node -> customer(node).remove("contactName"), "customer.contactName"),
        bad("contact name with CR/LF", node -> customer(node).put("contactName", "Eve\r\nBcc: all@example.com"),
            "customer.contactName"),
        bad("customer name with a line break", node -> customer(node).put("name", "ACME\nLtd"), "customer.name"),
        bad("postal address line with a line break",
            node -> customer(node).putArray("postalAddress").add("Main Street 1\r\nBcc: all@example.com"),
            "customer.postalAddress[0]"),
        bad("postal address of more than six lines",
            node -> customer(node).putArray("postalAddress").add("1").add("2").add("3").add("4").add("5").add("6").add("7"),
            "customer.postalAddress"),
        bad("malformed email", node -> customer(node).put("email", "not-an-address"), "customer.email"),
        bad("missing sales rep", node -> customer(node).remove("salesRepEmail"), "customer.salesRepEmail"),
        bad("phone with letters", node -> customer(node).put("phone", "call me"), "customer.phone"),
        bad("locale that is no language", node -> customer(node).put("locale", "english please"), "customer.locale"),
        bad("missing amount", node -> node.remove("amount"), "amount"),
        bad("zero amount", node -> node.put("amount", 0), "amount"),
        bad("negative amount", node -> node.put("amount", -10.5), "amount"),
        bad("amount that is text", node -> node.put("amount", "lots"), "amount"),
        bad("cents in yen", node -> node.put("amount", 100.5).put("currency", "JPY"), "amount"),
        bad("unknown currency", node -> node.put("currency", "EUX"), "currency"),
        bad("lower-case currency", node -> node.put("currency", "eur"), "currency"),
        bad("missing due date", node -> node.remove("dueDate"), "dueDate"),
        bad("due date before issue date", node -> node.put("dueDate", "2026-03-01"), "dueDate"),
        bad("date that does not exist", node -> node.put("dueDate", "2026-02-30"), "dueDate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInvoices")
  void badInvoiceIsRefusedWithTheFieldNamedAndNothingStored(String description,
      Consumer<ObjectNode> change, String field) {
    long invoicesBefore = invoices.count();
    long customersBefore = customers.count();

    Answer answer = post("/api/invoices", changed(invoice(NUMBER), change));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("/title")).isNotBlank();
    assertThat(fields(answer)).contains(field);
    assertThat(invoices.count()).isEqualTo(invoicesBefore);
    assertThat(customers.count()).isEqualTo(customersBefore);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(NUMBER).count()).isZero();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Answer answer = post("/api/invoices", changed(invoice(NUMBER), node -> {
      node.put("amount", -1);
      node.put("dueDate", "2026-01-01");
      customer(node).put("email", "nope");
    }));
    assertThat(fields(answer)).contains("amount", "dueDate", "customer.email");
  }

  @Test
  void malformedJsonIsRefused() {
    Answer answer = post("/api/invoices", "{\"invoiceNumber\": \"BAD-1\", ");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("/detail")).isEqualTo("The request body is not valid JSON");
  }

  @Test
  void aDuplicateInvoiceNumberIsAConflictAndChangesNothing() {
    assertThat(post("/api/invoices", invoice("DUP-1")).status()).isEqualTo(201);
    String sameNumberOtherContact = changed(invoice("DUP-1"),
        node -> customer(node).put("contactName", "Someone Else"));

    Answer duplicate = post("/api/invoices", sameNumberOtherContact);

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(fields(duplicate)).containsExactly("invoiceNumber");
    assertThat(get("/api/invoices/DUP-1").text("/customer/contactName")).isEqualTo("Åsa Öberg");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("DUP-1").count()).isOne();
  }

  @Test
  void aPaymentForAnUnknownInvoiceNamesTheInvoiceNumber() {
    Answer answer = post("/api/payments", payment("NO-SUCH-1", "10.00", "EUR", "2026-03-02", "P-UNKNOWN"));
    assertThat(answer.status()).isEqualTo(422);
    assertThat(fields(answer)).containsExactly("invoiceNumber");
  }

  @Test
  void aPaymentInAnotherCurrencyIsRefused() {
    post("/api/invoices", invoice("PAY-CUR-1"));
    Answer answer = post("/api/payments", payment("PAY-CUR-1", "10.00", "SEK", "2026-03-02", "P-CUR-1"));
    assertThat(answer.status()).isEqualTo(422);
    assertThat(fields(answer)).containsExactly("currency");
    assertThat(get("/api/invoices/PAY-CUR-1").body().get("payments")).isEmpty();
  }

  static Stream<Arguments> badPayments() {
    return Stream.of(
        bad("missing reference", node -> node.remove("reference"), "reference"),
        bad("reference with a line break", node -> node.put("reference", "A\nB"), "reference"),
        bad("zero amount", node -> node.put("amount", 0), "amount"),
        bad("negative amount", node -> node.put("amount", -5), "amount"),
        bad("unknown currency", node -> node.put("currency", "XXX"), "currency"),
        bad("missing payment date", node -> node.remove("paidOn"), "paidOn"),
        bad("malformed payment date", node -> node.put("paidOn", "yesterday"), "paidOn"),
        bad("missing invoice number", node -> node.remove("invoiceNumber"), "invoiceNumber"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayments")
  void badPaymentIsRefusedWithTheFieldNamedAndNothingStored(String description,
      Consumer<ObjectNode> change, String field) {
    if (invoices.findByInvoiceNumber("PAY-1").isEmpty()) {
      post("/api/invoices", invoice("PAY-1"));
    }
    Answer answer = post("/api/payments",
        changed(payment("PAY-1", "10.00", "EUR", "2026-03-02", "P-BAD-1"), change));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(fields(answer)).contains(field);
    Answer invoiceCase = get("/api/invoices/PAY-1");
    assertThat(invoiceCase.body().get("payments")).isEmpty();
    assertThat(invoiceCase.text("/balance")).isEqualTo("1250.00");
  }

  @Test
  void unknownInvoiceOrCustomerIsNotFound() {
    assertThat(get("/api/invoices/NO-SUCH-2").status()).isEqualTo(404);
    assertThat(get("/api/customers/NO-SUCH-2/credit-status").status()).isEqualTo(404);
  }

  private static java.util.List<String> fields(Answer answer) {
    JsonNode errors = answer.body().get("errors");
    assertThat(errors).as("errors in " + answer.body()).isNotNull();
    return StreamSupport.stream(errors.spliterator(), false)
        .map(error -> error.get("field").asText()).toList();
  }
}
