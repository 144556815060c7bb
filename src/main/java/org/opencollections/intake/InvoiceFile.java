package org.opencollections.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.opencollections.invoice.NewInvoice;

/**
 * An invoice file read row by row (docs/invoice-import.md): UTF-8, a header row naming the
 * columns, one invoice per row. Each row becomes the request {@code POST /api/invoices} takes,
 * checked by the same constraints, or the list of what is wrong with it, with the line it starts
 * on. Only the current row is held in memory, and the invoice numbers seen, to find a number given
 * twice.
 */
final class InvoiceFile implements Closeable {

  /** Where the documentation of the columns is, for messages about the header. */
  static final String DOCUMENTATION = "docs/invoice-import.md";

  private static final String DECIMAL = "[+-]?\\d+(\\.\\d+)?";
  private static final String WHOLE_NUMBER = "[+-]?\\d{1,9}";
  private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
  private static final String DATE_MESSAGE = "must be a date (YYYY-MM-DD)";
  private static final int LONGEST_QUOTED_VALUE = 40;

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final Validator validator;
  private final Map<InvoiceFileColumn, Integer> columns = new EnumMap<>(InvoiceFileColumn.class);
  private final Map<String, Long> lineOfNumber = new HashMap<>();
  private int width;
  private long rows;

  private InvoiceFile(BufferedReader reader, Validator validator) throws IOException {
    this.validator = validator;
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter(reader))
        .setIgnoreEmptyLines(false)
        .get();
    this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    this.records = parser.iterator();
  }

  /**
   * Opens the file and reads its header.
   *
   * @throws InvoiceFileException when the file is empty, or its header names an unknown column or
   *     misses a required one; nothing of the file was read as an invoice then
   */
  static InvoiceFile open(InputStream in, Validator validator) {
    try {
      InvoiceFile file = new InvoiceFile(new BufferedReader(new Utf8Reader(in)), validator);
      try {
        file.readHeader();
        return file;
      } catch (RuntimeException e) {
        file.close();
        throw e;
      }
    } catch (IOException e) {
      throw unreadable(1, e);
    }
  }

  /** The rows read so far, blank rows not counted. */
  long rowsRead() {
    return rows;
  }

  /**
   * The next row, good or bad; null at the end of the file.
   *
   * @throws InvoiceFileException when the file cannot be read on from here (a quote that is not
   *     closed, bytes that are not UTF-8); the rows before were returned
   */
  InvoiceRow next() {
    while (true) {
      long line = parser.getCurrentLineNumber() + 1;
      CSVRecord record = nextRecord(line);
      if (record == null) {
        return null;
      }
      if (isBlank(record)) {
        continue;
      }
      rows++;
      return read(line, record);
    }
  }

  /** A semicolon when the first line has more of them than commas, as spreadsheets in many languages write. */
  private static char delimiter(BufferedReader reader) throws IOException {
    reader.mark(8192);
    int commas = 0;
    int semicolons = 0;
    for (int i = 0, c = reader.read(); i < 8192 && c >= 0 && c != '\n' && c != '\r'; i++, c = reader.read()) {
      commas += c == ',' ? 1 : 0;
      semicolons += c == ';' ? 1 : 0;
    }
    reader.reset();
    return semicolons > commas ? ';' : ',';
  }

  private CSVRecord nextRecord(long line) {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      throw unreadable(line, e.getCause());
    }
  }

  private static InvoiceFileException unreadable(long line, IOException cause) {
    if (cause instanceof Utf8Reader.NotUtf8Exception notUtf8) {
      return new InvoiceFileException(notUtf8.line, "the file is not UTF-8 from this line on (bytes"
          + " that are no UTF-8 characters, as in a file saved as Windows-1252 or ISO 8859-1);"
          + " save it as UTF-8, in Excel as \"CSV UTF-8\"");
    }
    if (cause instanceof CSVException) {
      return new InvoiceFileException(line, "the row starting here is not valid CSV: a quoted value"
          + " must end with a quote followed by a comma or the end of the line, and a quote inside"
          + " it is written twice (" + cause.getMessage() + ")");
    }
    return new InvoiceFileException(line, "the file could not be read on: " + cause.getMessage());
  }

  private void readHeader() {
    CSVRecord header;
    long line;
    do {
      line = parser.getCurrentLineNumber() + 1;
      header = nextRecord(line);
      if (header == null) {
        throw new InvoiceFileException(null, "The file is empty: its first row must be the header naming"
            + " the columns, see " + DOCUMENTATION);
      }
    } while (isBlank(header));
    width = header.size();
    List<FieldProblem> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (name.isEmpty()) {
        problems.add(new FieldProblem(null, "column " + (i + 1) + " of the header has no name"));
        continue;
      }
      var column = InvoiceFileColumn.named(name);
      if (column.isEmpty()) {
        unknown.add(name);
        problems.add(new FieldProblem(name, "is not a column of invoice files"));
      } else if (columns.containsKey(column.get())) {
        problems.add(new FieldProblem(column.get().header, "is in the header twice (columns "
            + (columns.get(column.get()) + 1) + " and " + (i + 1) + ")"));
      } else {
        columns.put(column.get(), i);
      }
    }
    List<String> missing = Stream.of(InvoiceFileColumn.values())
        .filter(column -> column.required && !columns.containsKey(column))
        .map(column -> column.header).toList();
    missing.forEach(name -> problems.add(new FieldProblem(name, "is a required column and missing")));
    if (!problems.isEmpty()) {
      throw new InvoiceFileException(line, headerMessage(missing, unknown, problems), problems);
    }
  }

  private String headerMessage(List<String> missing, List<String> unknown, List<FieldProblem> problems) {
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("required columns missing: " + String.join(", ", missing));
    }
    if (!unknown.isEmpty()) {
      parts.add("unknown columns: " + String.join(", ", unknown));
    }
    problems.stream().filter(p -> p.message().startsWith("is in the header twice")
        || p.message().endsWith("has no name"))
        .forEach(p -> parts.add(p.field() == null ? p.message() : p.field() + " " + p.message()));
    String known = Stream.of(InvoiceFileColumn.values()).map(column -> column.header)
        .collect(Collectors.joining(", "));
    String hint = columns.isEmpty() ? "; the first row must be the header naming the columns" : "";
    return "The header row does not fit: " + String.join("; ", parts) + hint + ". The columns are "
        + known + " (see " + DOCUMENTATION + ")";
  }

  private InvoiceRow read(long line, CSVRecord record) {
    String number = record.size() > columns.get(InvoiceFileColumn.INVOICE_NUMBER)
        ? blankToNull(record.get(columns.get(InvoiceFileColumn.INVOICE_NUMBER))) : null;
    if (record.size() != width) {
      return InvoiceRow.bad(line, number, List.of(new FieldProblem(null, "has " + record.size()
          + " values where the header has " + width + " columns")));
    }
    Cells cells = new Cells(record);
    NewInvoice.DiscountTerms discount = cells.has(InvoiceFileColumn.DISCOUNT_PERCENT)
        || cells.has(InvoiceFileColumn.DISCOUNT_DAYS)
        ? new NewInvoice.DiscountTerms(cells.decimal(InvoiceFileColumn.DISCOUNT_PERCENT, "2.5"),
            cells.wholeNumber(InvoiceFileColumn.DISCOUNT_DAYS)) : null;
    NewInvoice invoice = new NewInvoice(number,
        new NewInvoice.CustomerData(cells.text(InvoiceFileColumn.CUSTOMER_ID),
            cells.text(InvoiceFileColumn.CUSTOMER_NAME), cells.text(InvoiceFileColumn.CONTACT_NAME),
            cells.text(InvoiceFileColumn.EMAIL), cells.text(InvoiceFileColumn.PHONE),
            cells.text(InvoiceFileColumn.LOCALE), cells.text(InvoiceFileColumn.SALES_REP_EMAIL),
            cells.text(InvoiceFileColumn.SEGMENT), cells.text(InvoiceFileColumn.COUNTRY),
            cells.yesNo(InvoiceFileColumn.REMINDER_FEES_AGREED), null,
            cells.lines(InvoiceFileColumn.POSTAL_ADDRESS)),
        cells.decimal(InvoiceFileColumn.AMOUNT, "1250.00"), cells.text(InvoiceFileColumn.CURRENCY),
        cells.date(InvoiceFileColumn.ISSUE_DATE), cells.date(InvoiceFileColumn.DUE_DATE), discount);
    List<FieldProblem> problems = new ArrayList<>(cells.problems);
    for (ConstraintViolation<NewInvoice> violation : validator.validate(invoice)) {
      String path = violation.getPropertyPath().toString();
      var column = InvoiceFileColumn.ofProperty(path);
      if (column.isPresent() && cells.unreadable.contains(column.get())) {
        continue; // said already: the value could not be read at all
      }
      problems.add(new FieldProblem(column.map(c -> c.header).orElse(path),
          addressLine(path) + violation.getMessage()));
    }
    if (number != null) {
      Long first = lineOfNumber.putIfAbsent(number, line);
      if (first != null) {
        problems.add(new FieldProblem(InvoiceFileColumn.INVOICE_NUMBER.header,
            "invoice number already on line " + first));
      }
    }
    if (problems.isEmpty()) {
      return InvoiceRow.good(line, invoice);
    }
    problems.sort(Comparator.comparing((FieldProblem p) -> order(p.field()))
        .thenComparing(FieldProblem::message));
    return InvoiceRow.bad(line, number, problems);
  }

  /** {@code customer.postalAddress[1].<list element>} is about the address's second line. */
  private static String addressLine(String path) {
    int open = path.indexOf('[');
    if (open < 0 || !path.startsWith(InvoiceFileColumn.POSTAL_ADDRESS.property)) {
      return "";
    }
    return "line " + (Integer.parseInt(path.substring(open + 1, path.indexOf(']'))) + 1) + " ";
  }

  private static int order(String field) {
    return field == null ? -1 : InvoiceFileColumn.named(field).map(Enum::ordinal)
        .orElse(InvoiceFileColumn.values().length);
  }

  private static boolean isBlank(CSVRecord record) {
    return record.stream().allMatch(String::isBlank);
  }

  private static String blankToNull(String value) {
    String stripped = value == null ? null : value.strip();
    return stripped == null || stripped.isEmpty() ? null : stripped;
  }

  /** The cells of one row by column, and what could not be read from them. */
  private final class Cells {

    final CSVRecord record;
    final List<FieldProblem> problems = new ArrayList<>();
    final Set<InvoiceFileColumn> unreadable = EnumSet.noneOf(InvoiceFileColumn.class);

    Cells(CSVRecord record) {
      this.record = record;
    }

    boolean has(InvoiceFileColumn column) {
      return text(column) != null;
    }

    /** The cell without surrounding spaces; null when the column is absent or the cell empty. */
    String text(InvoiceFileColumn column) {
      Integer index = columns.get(column);
      return index == null ? null : blankToNull(record.get(index));
    }

    BigDecimal decimal(InvoiceFileColumn column, String example) {
      String text = text(column);
      if (text == null) {
        return null;
      }
      if (!text.matches(DECIMAL)) {
        return unreadable(column, "must be a decimal number such as " + example, text);
      }
      return new BigDecimal(text);
    }

    Integer wholeNumber(InvoiceFileColumn column) {
      String text = text(column);
      if (text == null) {
        return null;
      }
      if (!text.matches(WHOLE_NUMBER)) {
        return unreadable(column, "must be a whole number such as 10", text);
      }
      return Integer.valueOf(text);
    }

    LocalDate date(InvoiceFileColumn column) {
      String text = text(column);
      if (text == null) {
        return null;
      }
      try {
        if (text.matches(DATE)) {
          return LocalDate.parse(text);
        }
      } catch (DateTimeParseException e) {
        return unreadable(column, DATE_MESSAGE + " that exists", text);
      }
      return unreadable(column, DATE_MESSAGE, text);
    }

    Boolean yesNo(InvoiceFileColumn column) {
      String text = text(column);
      if (text == null) {
        return null;
      }
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "yes" -> true;
        case "false", "no" -> false;
        default -> unreadable(column, "must be true or false (or yes or no)", text);
      };
    }

    /** The lines of a cell, as a spreadsheet writes line breaks inside a quoted cell. */
    List<String> lines(InvoiceFileColumn column) {
      String text = text(column);
      return text == null ? null : Arrays.stream(text.split("\r\n|\r|\n"))
          .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private <T> T unreadable(InvoiceFileColumn column, String message, String value) {
      unreadable.add(column);
      String shown = value.length() > LONGEST_QUOTED_VALUE
          ? value.substring(0, LONGEST_QUOTED_VALUE) + "..." : value;
      problems.add(new FieldProblem(column.header, message + ", not \"" + shown + "\""));
      return null;
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
