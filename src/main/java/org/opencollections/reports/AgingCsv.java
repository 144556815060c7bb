package org.opencollections.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.opencollections.system.Csv;
import org.springframework.http.ResponseEntity;

/**
 * The aging as a CSV file (RFC 4180): a header row, a row per customer and currency, and a total
 * row per currency; amounts as plain decimals with the currency's decimals.
 */
final class AgingCsv {

  private static final List<String> HEADER = List.of("customerId", "customerName", "currency",
      "invoices", "current", "days1To30", "days31To60", "days61To90", "over90", "total");

  private AgingCsv() {
  }

  static String write(AgingView aging) {
    StringBuilder csv = new StringBuilder();
    row(csv, HEADER);
    aging.lines().forEach(line -> row(csv, fields(line.customerId(), line.customerName(), line)));
    aging.totals().values().forEach(total -> row(csv, fields("", "Total", total)));
    return csv.toString();
  }

  /** The file to download, named for its day: {@code aging-2026-10-31.csv}. */
  static ResponseEntity<String> download(AgingView aging) {
    return Csv.download("aging-" + aging.asOf() + ".csv", write(aging));
  }

  private static List<String> fields(String customerId, String customerName, AgingView.Row row) {
    return Stream.concat(Stream.of(customerId, customerName, row.currency(),
            Long.toString(row.invoices())),
        row.amounts().stream().map(BigDecimal::toPlainString)).toList();
  }

  private static void row(StringBuilder csv, List<String> fields) {
    csv.append(Csv.line(fields));
  }
}
