package org.opencollections.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.opencollections.fixtures.IntegrationTest;
import org.opencollections.fixtures.TestUsers;
import org.opencollections.invoice.Customers;
import org.opencollections.invoice.Invoices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Invoice files over {@code POST /api/invoices/import}, as a billing system sends them. */
class InvoiceImportIT extends IntegrationTest {

  private static final String HEADER = "invoiceNumber,customerId,customerName,contactName,email,phone,"
      + "locale,salesRepEmail,segment,country,reminderFeesAgreed,amount,currency,issueDate,dueDate,"
      + "discountPercent,discountDays,postalAddress\r\n";
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  Invoices invoices;
  @Autowired
  Customers customers;

  /** A row of the file: the invoice, its customer (id, name, email), amount, currency and dates. */
  private static String row(String number, String customerId, String name, String email,
      String amount, String currency, String issueDate, String dueDate) {
    return String.join(",", number, customerId, name, "Anna Berg", email, "+49 30 1234 5678", "de",
        "sam.sales@northwind.example", "", "", "", amount, currency, issueDate, dueDate, "", "", "")
        + "\r\n";
  }

  private static String row(String number, String customerId) {
    return row(number, customerId, "Nordlicht Handel GmbH", "anna.berg@nordlicht.example", "1250.00",
        "EUR", "2026-03-02", "2026-04-01");
  }

  /** Good rows, every kind of bad row, a number given twice; each bad row's customer is its own. */
  private static final String MIXED = BYTE_ORDER_MARK + HEADER
      // line 2-4: a key account with an early-payment discount and a postal address on three lines
      + "IMP-101,C-IMP-1,Nordlicht Handel GmbH,Anna Berg,anna.berg@nordlicht.example,+49 30 1234 5678,"
      + "de,sam.sales@northwind.example,key account,DE,yes,1250.00,EUR,2026-03-02,2026-04-01,2,10,"
      + "\"Speicherstraße 12\r\n20457 Hamburg\r\nGermany\"\r\n"
      + row("IMP-102", "C-IMP-2") // line 5
      + row("IMP-103", "C-IMP-3", "Bad Mail AB", "not-an-address", "80.00", "EUR", "2026-03-02",
          "2026-04-01") // line 6
      + row("IMP-104", "C-IMP-1", "Nordlicht Handel GmbH", "anna.berg@nordlicht.example", "\"12,50\"",
          "EUR", "2026-03-02", "2026-04-01") // line 7
      + row("IMP-105", "C-IMP-5", "Tanaka KK", "tanaka@tanaka.example", "1250.5", "JPY", "2026-03-02",
          "2026-04-01") // line 8
      + row("IMP-106", "C-IMP-6", "Euxit Ltd", "a@euxit.example", "10.00", "EUX", "2026-03-02",
          "2026-04-01") // line 9
      + row("IMP-107", "C-IMP-7", "Early Oy", "a@early.example", "10.00", "EUR", "2026-03-02",
          "2026-03-01") // line 10
      + row("IMP-108", "C-IMP-8", "Slash GmbH", "a@slash.example", "10.00", "EUR", "01/12/2026",
          "2026-04-01") // line 11
      + row("IMP-109", "C-IMP-9", "", "a@nameless.example", "10.00", "EUR", "2026-03-02",
          "2026-04-01") // line 12
      + row("IMP-102", "C-IMP-2") // line 13: the number of line 5 again
      + "IMP-110,C-IMP-10,Hansen & Co ApS,Mette Hansen,mette.hansen@hansen.example,+45 33 12 34 56,"
      + "da,sam.sales@northwind.example,VIP,DK,,8750.00,DKK,2026-03-02,2026-04-01,,,\r\n" // line 14
      + "IMP-111,C-IMP-11,Hansen & Co ApS,Mette Hansen,mette.hansen@hansen.example,+45 33 12 34 56,"
      + "da,sam.sales@northwind.example,regular,DK,no,8750.00,DKK,2026-03-02,2026-04-01,,,\r\n"; // 15

  private Answer importCsv(String user, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv; charset=utf-8"));
    headers.setContentDisposition(org.springframework.http.ContentDisposition.attachment()
        .filename("invoices.csv").build());
    if (user != null) {
      headers.setBasicAuth(user, TestUsers.PASSWORD);
    }
    return answer(rest.exchange("/api/invoices/import", HttpMethod.POST,
        new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), String.class));
  }

  private Answer upload(String user, String fileName, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setBasicAuth(user, TestUsers.PASSWORD);
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return answer(rest.exchange("/api/invoices/import", HttpMethod.POST, new HttpEntity<>(form, headers),
        String.class));
  }

  private Answer answer(ResponseEntity<String> response) {
    try {
      String body = response.getBody();
      return new Answer(response.getStatusCode().value(), body == null ? null : json.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> errors(Answer answer) {
    return StreamSupport.stream(answer.body().get("errors").spliterator(), false).toList();
  }

  private long cases() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("invoiceCollection").count();
  }

  @Test
  void goodRowsBecomeInvoicesWithCasesAndEveryBadRowIsListedWithItsLineAndReason() {
    long invoicesBefore = invoices.count();
    long casesBefore = cases();

    Answer answer = importCsv(TestUsers.BILLING, MIXED);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("/file")).isEqualTo("invoices.csv");
    assertThat(answer.body().get("rows").asLong()).isEqualTo(12);
    assertThat(answer.body().get("imported").asLong()).isEqualTo(3);
    assertThat(answer.body().get("unchanged").asLong()).isZero();
    assertThat(answer.body().get("rejected").asLong()).isEqualTo(9);
    assertThat(answer.body().get("complete").asBoolean()).isTrue();
    assertThat(errors(answer)).extracting(e -> e.get("line").asLong(), e -> e.get("invoiceNumber").asText(),
        e -> e.get("field").asText(), e -> e.get("message").asText()).containsExactly(
        tuple(6L, "IMP-103", "email", "must be a well-formed email address"),
        tuple(7L, "IMP-104", "amount", "must be a decimal number such as 1250.00, not \"12,50\""),
        tuple(8L, "IMP-105", "amount", "must have at most 0 decimals in JPY"),
        tuple(9L, "IMP-106", "currency", "must be an ISO 4217 currency code such as EUR"),
        tuple(10L, "IMP-107", "dueDate", "must not be before issueDate"),
        tuple(11L, "IMP-108", "issueDate", "must be a date (YYYY-MM-DD), not \"01/12/2026\""),
        tuple(12L, "IMP-109", "customerName", "must not be blank"),
        tuple(13L, "IMP-102", "invoiceNumber", "invoice number already on line 5"),
        tuple(14L, "IMP-110", "segment", "must be one of new, regular, key account, public sector, consumer"));

    for (String number : List.of("IMP-101", "IMP-102", "IMP-111")) {
      Answer invoice = get("/api/invoices/" + number);
      assertThat(invoice.status()).isEqualTo(200);
      assertThat(invoice.text("/status")).isEqualTo("OPEN");
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
          .processDefinitionKey("invoiceCollection").count()).isEqualTo(1);
      assertThat(invoices.findByInvoiceNumber(number).orElseThrow().getRegisteredBy()).isEqualTo("billing");
    }
    Answer nordlicht = get("/api/invoices/IMP-101");
    assertThat(nordlicht.text("/customer/name")).isEqualTo("Nordlicht Handel GmbH");
    assertThat(nordlicht.body().at("/amount").decimalValue()).isEqualByComparingTo("1250.00");
    var customer = customers.findById("C-IMP-1").orElseThrow();
    assertThat(customer.getPostalAddress()).containsExactly("Speicherstraße 12", "20457 Hamburg", "Germany");
    assertThat(customer.getSegment().policyName()).isEqualTo("key account");
    assertThat(invoices.findByInvoiceNumber("IMP-101").orElseThrow().getEarlyPaymentDiscount())
        .hasValueSatisfying(terms -> assertThat(terms.days()).isEqualTo(10));

    for (String number : List.of("IMP-103", "IMP-104", "IMP-105", "IMP-106", "IMP-107", "IMP-108",
        "IMP-109", "IMP-110")) {
      assertThat(invoices.findByInvoiceNumber(number)).as(number).isEmpty();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
          .isZero();
    }
    for (String customerId : List.of("C-IMP-3", "C-IMP-5", "C-IMP-6", "C-IMP-7", "C-IMP-8", "C-IMP-9",
        "C-IMP-10")) {
      assertThat(customers.existsById(customerId)).as(customerId).isFalse();
    }
    assertThat(invoices.count()).isEqualTo(invoicesBefore + 3);
    assertThat(cases()).isEqualTo(casesBefore + 3);

    // the same file again: nothing new, the good rows counted as unchanged, the bad ones still bad
    Answer again = importCsv(TestUsers.BILLING, MIXED);

    assertThat(again.body().get("imported").asLong()).isZero();
    assertThat(again.body().get("unchanged").asLong()).isEqualTo(3);
    assertThat(again.body().get("rejected").asLong()).isEqualTo(9);
    assertThat(invoices.count()).isEqualTo(invoicesBefore + 3);
    assertThat(cases()).isEqualTo(casesBefore + 3);
  }

  @Test
  void aRowWhoseInvoiceIsRegisteredWithOtherTermsIsRejectedSayingWhatDiffers() {
    importCsv(TestUsers.BILLING, HEADER + row("IMP-201", "C-IMP-201"));

    Answer answer = importCsv(TestUsers.BILLING, HEADER
        + row("IMP-201", "C-IMP-201", "Nordlicht Handel GmbH", "anna.berg@nordlicht.example", "1300.00",
            "EUR", "2026-03-02", "2026-04-15"));

    assertThat(answer.body().get("rejected").asLong()).isEqualTo(1);
    assertThat(errors(answer)).extracting(e -> e.get("field").asText(), e -> e.get("message").asText())
        .containsExactly(
            tuple("amount", "invoice IMP-201 is already registered with amount 1250.00, this row says 1300.00"),
            tuple("dueDate", "invoice IMP-201 is already registered due on 2026-04-01, this row says 2026-04-15"));
    assertThat(get("/api/invoices/IMP-201").body().at("/amount").decimalValue()).isEqualByComparingTo("1250.00");
  }

  @Test
  void aFormUploadAndARequestBodyImportAlikeAndTheSecondChangesNothing() {
    String csv = HEADER + row("IMP-301", "C-IMP-301") + row("IMP-302", "C-IMP-301");

    Answer uploaded = upload(TestUsers.MANAGER, "march.csv", csv);

    assertThat(uploaded.status()).isEqualTo(200);
    assertThat(uploaded.text("/file")).isEqualTo("march.csv");
    assertThat(uploaded.body().get("imported").asLong()).isEqualTo(2);
    assertThat(invoices.findByInvoiceNumber("IMP-302").orElseThrow().getRegisteredBy())
        .isEqualTo(TestUsers.MANAGER);
    long invoicesBefore = invoices.count();
    long casesBefore = cases();

    Answer again = importCsv(TestUsers.BILLING, csv);

    assertThat(again.body().get("rows").asLong()).isEqualTo(2);
    assertThat(again.body().get("unchanged").asLong()).isEqualTo(2);
    assertThat(again.body().get("imported").asLong()).isZero();
    assertThat(again.body().get("rejected").asLong()).isZero();
    assertThat(errors(again)).isEmpty();
    assertThat(invoices.count()).isEqualTo(invoicesBefore);
    assertThat(cases()).isEqualTo(casesBefore);
  }

  @Test
  void aQuoteNotClosedStopsTheImportThereAndTheRowsBeforeStayImported() {
    String csv = HEADER + row("IMP-401", "C-IMP-401")
        + "IMP-402,C-IMP-402,\"Open Quote Ltd,Anna Berg,a@open.example,+49 30 1,de,sam@northwind.example"
        + ",,,,10.00,EUR,2026-03-02,2026-04-01,,,\"Street 1\"\r\n"
        + row("IMP-403", "C-IMP-403");

    Answer answer = importCsv(TestUsers.BILLING, csv);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("complete").asBoolean()).isFalse();
    assertThat(answer.body().get("imported").asLong()).isEqualTo(1);
    assertThat(answer.body().at("/stop/line").asLong()).isEqualTo(3);
    assertThat(answer.text("/stop/message")).startsWith("Line 3: the row starting here is not valid CSV");
    assertThat(invoices.findByInvoiceNumber("IMP-401")).isPresent();
    assertThat(invoices.findByInvoiceNumber("IMP-403")).isEmpty();
  }

  @Test
  void aFileThatCannotBeReadIsRefusedAndNothingIsStored() {
    long invoicesBefore = invoices.count();
    long customersBefore = customers.count();

    Answer empty = importCsv(TestUsers.BILLING, "");
    Answer columnMissing = importCsv(TestUsers.BILLING,
        HEADER.replace("email,", "colour,") + row("IMP-501", "C-IMP-501"));
    Answer emptyUpload = upload(TestUsers.BILLING, "empty.csv", "");

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.text("/title")).isEqualTo("Invalid invoice file");
    assertThat(empty.text("/detail")).startsWith("The file is empty");
    assertThat(columnMissing.status()).isEqualTo(400);
    assertThat(columnMissing.body().get("errors").toString()).contains("{\"field\":\"email\",\"message\":\"is a required column and missing\"}",
            "{\"field\":\"colour\",\"message\":\"is not a column of invoice files\"}");
    assertThat(emptyUpload.status()).isEqualTo(400);
    assertThat(invoices.count()).isEqualTo(invoicesBefore);
    assertThat(customers.count()).isEqualTo(customersBefore);
  }

  @Test
  void onlyTheBillingSystemManagersAndAdministratorsMayImport() {
    String csv = HEADER + row("IMP-601", "C-IMP-601");

    assertThat(importCsv(null, csv).status()).isEqualTo(401);
    assertThat(importCsv(TestUsers.CLERK, csv).status()).isEqualTo(403);
    assertThat(importCsv(TestUsers.AUDITOR, csv).status()).isEqualTo(403);
    assertThat(invoices.findByInvoiceNumber("IMP-601")).isEmpty();
  }
}
