package org.opencollections.system;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV files for spreadsheets and BI tools: RFC 4180, UTF-8, CRLF line ends, as downloads. */
public final class Csv {

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private Csv() {
  }

  /**
   * A field with a comma, a quote or a line break is quoted, its quotes doubled; null is empty.
   * Text a spreadsheet would run as a formula (a name or note beginning with =, +, -, @) gets a
   * leading apostrophe; numbers stay numbers.
   */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    if (formula && !NUMBER.matcher(value).matches()) {
      value = "'" + value;
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** One line of fields, with its line end. */
  public static String line(List<String> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
  }

  /** A plain name where it is ASCII; RFC 5987's encoded form only where it is not. */
  private static ContentDisposition attachment(String filename) {
    boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(filename);
    return ascii ? ContentDisposition.attachment().filename(filename).build()
        : ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build();
  }

  /** The CSV as a file to download under the given name. */
  public static ResponseEntity<String> download(String filename, String csv) {
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(filename).toString())
        .body(csv);
  }
}
