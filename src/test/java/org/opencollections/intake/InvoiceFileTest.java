package org.opencollections.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencollections.invoice.NewInvoice;

/** Reading invoice files: rows into requests as {@code POST /api/invoices} takes them, or their problems. */
class InvoiceFileTest {

  private static jakarta.validation.ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  /** A good row by column; tests change a value, drop a column or reorder them. */
  private static Map<String, String> row(String number) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("invoiceNumber", number);
    row.put("customerId", "C-" + number);
    row.put("customerName", "Öberg Verktyg AB");
    row.put("contactName", "Åsa Öberg");
    row.put("email", "asa.oberg@oberg.example");
    row.put("phone", "+46 8 123 456 78");
    row.put("locale", "sv-SE");
    row.put("salesRepEmail", "sam.sales@northwind.example");
    row.put("segment", "key account");
    row.put("country", "SE");
    row.put("reminderFeesAgreed", "yes");
    row.put("amount", "1250.00");
    row.put("currency", "EUR");
    row.put("issueDate", "2026-11-22");
    row.put("dueDate", "2026-12-22");
    row.put("discountPercent", "2");
    row.put("discountDays", "10");
    row.put("postalAddress", "Industrigatan 5\n411 04 Göteborg\nSweden");
    return row;
  }

  private static Map<String, String> row(String number, String column, String value) {
    Map<String, String> row = row(number);
    row.put(column, value);
    return row;
  }

  /** The rows as CSV under a header of the first row's columns, CRLF line ends as spreadsheets write. */
  @SafeVarargs
  private static String csv(Map<String, String>... rows) {
    StringBuilder csv = new StringBuilder(String.join(",", rows[0].keySet())).append("\r\n");
    for (Map<String, String> row : rows) {
      csv.append(String.join(",", row.values().stream().map(InvoiceFileTest::quoted).toList()))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String quoted(String value) {
    boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n");
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static List<InvoiceRow> read(String csv) {
    return read(csv.getBytes(StandardCharsets.UTF_8));
  }

  private static List<InvoiceRow> read(byte[] bytes) {
    List<InvoiceRow> rows = new ArrayList<>();
    try (InvoiceFile file = InvoiceFile.open(new ByteArrayInputStream(bytes), validator)) {
      for (InvoiceRow row = file.next(); row != null; row = file.next()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static InvoiceRow only(String csv) {
    List<InvoiceRow> rows = read(csv);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void aGoodRowIsTheRequestTheApiTakes() {
    InvoiceRow row = only(csv(row("INV-1")));

    assertThat(row.isGood()).isTrue();
    assertThat(row.line()).isEqualTo(2);
    NewInvoice invoice = row.invoice();
    assertThat(invoice.invoiceNumber()).isEqualTo("INV-1");
    assertThat(invoice.amount()).isEqualByComparingTo("1250.00");
    assertThat(invoice.currency()).isEqualTo("EUR");
    assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 11, 22));
    assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 12, 22));
    assertThat(invoice.earlyPaymentDiscount())
        .isEqualTo(new NewInvoice.DiscountTerms(new BigDecimal("2"), 10));
    NewInvoice.CustomerData customer = invoice.customer();
    assertThat(customer.id()).isEqualTo("C-INV-1");
    assertThat(customer.name()).isEqualTo("Öberg Verktyg AB");
    assertThat(customer.contactName()).isEqualTo("Åsa Öberg");
    assertThat(customer.email()).isEqualTo("asa.oberg@oberg.example");
    assertThat(customer.phone()).isEqualTo("+46 8 123 456 78");
    assertThat(customer.locale()).isEqualTo("sv-SE");
    assertThat(customer.salesRepEmail()).isEqualTo("sam.sales@northwind.example");
    assertThat(customer.segment()).isEqualTo("key account");
    assertThat(customer.country()).isEqualTo("SE");
    assertThat(customer.reminderFeesAgreed()).isTrue();
    assertThat(customer.postalAddress()).containsExactly("Industrigatan 5", "411 04 Göteborg", "Sweden");
  }

  @Test
  void optionalColumnsMayBeAbsentOrEmptyAndValuesAreTrimmed() {
    Map<String, String> row = row("INV-2");
    List.of("locale", "segment", "country", "reminderFeesAgreed", "postalAddress", "discountDays")
        .forEach(row::remove);
    row.put("discountPercent", "");
    row.put("amount", " 99.5 ");

    InvoiceRow read = only(csv(row));

    assertThat(read.problems()).isEmpty();
    assertThat(read.invoice().amount()).isEqualByComparingTo("99.50");
    assertThat(read.invoice().earlyPaymentDiscount()).isNull();
    assertThat(read.invoice().customer().locale()).isNull();
    assertThat(read.invoice().customer().postalAddress()).isNull();
    assertThat(read.invoice().customer().reminderFeesAgreed()).isNull();
  }

  @Test
  void headerNamesIgnoreCaseSpacesAndUnderscoresAndTheirOrderIsFree() {
    String csv = "DUE_DATE;Issue Date;amount;CURRENCY;invoice-number;customerid;Customer Name;"
        + "contact name;E-Mail;phone;sales rep email\n"
        + "2026-12-22;2026-11-22;1250,00;EUR;INV-3;C-3;Nordlicht;Anna Berg;anna@nordlicht.example;"
        + "+49 30 1234;sam@northwind.example\n"
        + "2026-12-22;2026-11-22;80.00;EUR;INV-4;C-3;Nordlicht;Anna Berg;anna@nordlicht.example;"
        + "+49 30 1234;sam@northwind.example\n";

    List<InvoiceRow> rows = read(csv);

    // semicolons, as spreadsheets in many languages write CSV; a decimal comma is still refused
    assertThat(rows.get(0).problems()).containsExactly(new FieldProblem("amount",
        "must be a decimal number such as 1250.00, not \"1250,00\""));
    assertThat(rows.get(1).isGood()).isTrue();
    assertThat(rows.get(1).invoice().invoiceNumber()).isEqualTo("INV-4");
    assertThat(rows.get(1).invoice().dueDate()).isEqualTo(LocalDate.of(2026, 12, 22));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("invoiceNumber", "", "must not be blank"),
        Arguments.of("invoiceNumber", "2026/1", "may contain only letters, digits, '.', '_' and '-'"),
        Arguments.of("customerId", "", "must not be blank"),
        Arguments.of("contactName", "", "must not be blank"),
        Arguments.of("customerName", "ACME\nLtd", "must not contain line breaks or control characters"),
        Arguments.of("email", "not-an-address", "must be a well-formed email address"),
        Arguments.of("salesRepEmail", "", "must not be blank"),
        Arguments.of("phone", "call me", "must be a phone number: digits, spaces and + ( ) . / -"),
        Arguments.of("locale", "english please", "must be a language tag such as en or de-CH"),
        Arguments.of("segment", "VIP", "must be one of new, regular, key account, public sector, consumer"),
        Arguments.of("country", "Sweden", "must be an ISO 3166 country code such as DE"),
        Arguments.of("reminderFeesAgreed", "maybe", "must be true or false (or yes or no), not \"maybe\""),
        Arguments.of("amount", "", "must not be null"),
        Arguments.of("amount", "12,50", "must be a decimal number such as 1250.00, not \"12,50\""),
        Arguments.of("amount", "EUR 12.50", "must be a decimal number such as 1250.00, not \"EUR 12.50\""),
        Arguments.of("amount", "0", "must be greater than 0"),
        Arguments.of("amount", "-10.50", "must be greater than 0"),
        Arguments.of("amount", "12.505", "must have at most 2 decimals in EUR"),
        Arguments.of("currency", "EUX", "must be an ISO 4217 currency code such as EUR"),
        Arguments.of("currency", "eur", "must be an ISO 4217 currency code such as EUR"),
        Arguments.of("issueDate", "01/12/2026", "must be a date (YYYY-MM-DD), not \"01/12/2026\""),
        Arguments.of("dueDate", "2026-02-30", "must be a date (YYYY-MM-DD) that exists, not \"2026-02-30\""),
        Arguments.of("dueDate", "2026-11-21", "must not be before issueDate"),
        Arguments.of("dueDate", "", "must not be null"),
        Arguments.of("discountPercent", "0", "must be greater than 0"),
        Arguments.of("discountPercent", "2%", "must be a decimal number such as 2.5, not \"2%\""),
        Arguments.of("discountDays", "", "must not be null"),
        Arguments.of("discountDays", "ten", "must be a whole number such as 10, not \"ten\""),
        Arguments.of("postalAddress", "1\n2\n3\n4\n5\n6\n7", "size must be between 0 and 6"));
  }

  @ParameterizedTest(name = "{0} \"{1}\": {2}")
  @MethodSource("badValues")
  void aBadValueIsNamedByItsColumnWithTheApisReason(String column, String value, String message) {
    InvoiceRow row = only(csv(row("BAD-1", column, value)));

    assertThat(row.isGood()).isFalse();
    assertThat(row.invoice()).isNull();
    assertThat(row.line()).isEqualTo(2);
    assertThat(row.problems()).containsExactly(new FieldProblem(column, message));
  }

  @Test
  void yenHaveNoDecimals() {
    Map<String, String> row = row("JPY-1", "currency", "JPY");
    row.put("amount", "1250.50");

    assertThat(only(csv(row)).problems())
        .containsExactly(new FieldProblem("amount", "must have at most 0 decimals in JPY"));
  }

  @Test
  void everyProblemOfARowIsListedInColumnOrder() {
    Map<String, String> row = row("BAD-2", "email", "nope");
    row.put("amount", "lots");
    row.put("issueDate", "22.11.2026");
    row.put("dueDate", "2026-01-01");

    assertThat(only(csv(row)).problems()).extracting(FieldProblem::field)
        .containsExactly("email", "amount", "issueDate");
    assertThat(only(csv(row)).invoiceNumber()).isEqualTo("BAD-2");
  }

  @Test
  void aLineTooLongForAnAddressLineIsNamedByItsLine() {
    InvoiceRow row = only(csv(row("BAD-3", "postalAddress", "Main Street 1\n" + "x".repeat(101))));

    assertThat(row.problems())
        .containsExactly(new FieldProblem("postalAddress", "line 2 size must be between 0 and 100"));
  }

  @Test
  void aRowWithTooFewOrTooManyValuesIsBad() {
    String good = csv(row("ROW-1"));
    String csv = good + "ROW-2,C-2,Acme\r\n" + good.substring(good.indexOf('\n') + 1).replace("\r\n", ",x\r\n");

    List<InvoiceRow> rows = read(csv);

    assertThat(rows.get(1).problems())
        .containsExactly(new FieldProblem(null, "has 3 values where the header has 18 columns"));
    assertThat(rows.get(1).invoiceNumber()).isEqualTo("ROW-2");
    assertThat(rows.get(2).problems())
        .containsExactly(new FieldProblem(null, "has 19 values where the header has 18 columns"));
  }

  @Test
  void aSecondRowWithTheSameInvoiceNumberIsBad() {
    List<InvoiceRow> rows = read(csv(row("DUP-1"), row("DUP-2"), row("DUP-1", "amount", "99.00")));

    assertThat(rows.get(0).isGood()).isTrue();
    assertThat(rows.get(2).problems()).containsExactly(
        new FieldProblem("invoiceNumber", "invoice number already on line 2"));
    // each row takes three lines: its address has three
    assertThat(rows.get(2).line()).isEqualTo(8);
  }

  @Test
  void linesCountTheLineBreaksInsideQuotedCellsAndBlankRowsAreSkipped() {
    // each row's address spans three lines of the file
    String csv = csv(row("ML-1"), row("ML-2", "email", "bad"), row("ML-3"));
    csv = csv.replace("\r\nML-3", "\r\n\r\n,,,,,,,,,,,,,,,,,\r\nML-3");

    List<InvoiceRow> rows = read(csv);

    assertThat(rows).extracting(InvoiceRow::line).containsExactly(2L, 5L, 10L);
    assertThat(rows.get(1).problems()).extracting(FieldProblem::field).containsExactly("email");
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    byte[] text = csv(row("BOM-1")).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes(text);

    List<InvoiceRow> rows = read(bytes.toByteArray());

    assertThat(rows).singleElement().satisfies(row -> assertThat(row.isGood()).isTrue());
  }

  @Test
  void unknownAndMissingColumnsAreNamedTogether() {
    Map<String, String> row = row("COL-1");
    row.remove("email");
    row.remove("dueDate");
    row.put("colour", "blue");

    assertThatThrownBy(() -> read(csv(row)))
        .isInstanceOfSatisfying(InvoiceFileException.class, e -> {
          assertThat(e.getLine()).isEqualTo(1);
          assertThat(e.getMessage()).contains("required columns missing: email, dueDate",
              "unknown columns: colour", "docs/invoice-import.md");
          assertThat(e.getProblems()).containsExactlyInAnyOrder(
              new FieldProblem("email", "is a required column and missing"),
              new FieldProblem("dueDate", "is a required column and missing"),
              new FieldProblem("colour", "is not a column of invoice files"));
        });
  }

  @Test
  void aColumnTwiceIsRefused() {
    String csv = csv(row("COL-2")).replaceFirst("currency", "Amount");

    assertThatThrownBy(() -> read(csv)).isInstanceOfSatisfying(InvoiceFileException.class,
        e -> assertThat(e.getProblems()).contains(
            new FieldProblem("amount", "is in the header twice (columns 12 and 13)"),
            new FieldProblem("currency", "is a required column and missing")));
  }

  @Test
  void aFileWithoutHeaderSaysSo() {
    String dataOnly = csv(row("NOH-1"));
    String csv = dataOnly.substring(dataOnly.indexOf('\n') + 1);

    assertThatThrownBy(() -> read(csv)).isInstanceOf(InvoiceFileException.class)
        .hasMessageContaining("the first row must be the header naming the columns");
  }

  @Test
  void anEmptyFileIsRefused() {
    for (String empty : List.of("", "\r\n\r\n", "\uFEFF")) {
      assertThatThrownBy(() -> read(empty)).isInstanceOf(InvoiceFileException.class)
          .hasMessageStartingWith("The file is empty");
    }
  }

  @Test
  void aHeaderAloneHasNoRows() {
    assertThat(read(String.join(",", row("X").keySet()))).isEmpty();
  }

  @Test
  void bytesThatAreNotUtf8StopTheReadingAtTheirLine() {
    // "Göteborg" written in Windows-1252 in the third row's address, on line 9
    Map<String, String> third = row("U-3", "postalAddress", "Industrigatan 5\n411 04 G#teborg\nSweden");
    byte[] broken = csv(row("U-1"), row("U-2"), third).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < broken.length; i++) {
      broken[i] = broken[i] == '#' ? (byte) 0xF6 : broken[i];
    }

    List<InvoiceRow> rows = new ArrayList<>();
    try (InvoiceFile file = InvoiceFile.open(new ByteArrayInputStream(broken), validator)) {
      assertThatThrownBy(() -> {
        for (InvoiceRow row = file.next(); row != null; row = file.next()) {
          rows.add(row);
        }
      }).isInstanceOfSatisfying(InvoiceFileException.class, e -> {
        assertThat(e.getLine()).isEqualTo(9);
        assertThat(e.getMessage()).startsWith("Line 9: the file is not UTF-8").contains("CSV UTF-8");
      });
    }
    assertThat(rows).extracting(InvoiceRow::invoiceNumber).containsExactly("U-1", "U-2");
  }

  @Test
  void aQuoteThatIsNotClosedStopsTheReadingAtItsRow() {
    String csv = csv(row("Q-1"), row("Q-2"), row("Q-3"))
        .replace("Q-2,C-Q-2,Öberg Verktyg AB", "Q-2,C-Q-2,\"Öberg Verktyg AB");

    List<InvoiceRow> rows = new ArrayList<>();
    try (InvoiceFile file = InvoiceFile.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        validator)) {
      assertThatThrownBy(() -> {
        for (InvoiceRow row = file.next(); row != null; row = file.next()) {
          rows.add(row);
        }
      }).isInstanceOfSatisfying(InvoiceFileException.class, e -> {
        assertThat(e.getLine()).isEqualTo(5);
        assertThat(e.getMessage()).startsWith("Line 5: the row starting here is not valid CSV");
      });
      assertThat(file.rowsRead()).isEqualTo(1);
    }
    assertThat(rows).extracting(InvoiceRow::invoiceNumber).containsExactly("Q-1");
  }
}
