package org.opencollections.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An invoice's history as CSV (RFC 4180, UTF-8, header row), for spreadsheets and BI tools. */
final class HistoryCsv {

  static final String HEADER = "invoice,time,category,event,details,by,source,mail";

  private HistoryCsv() {
  }

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** The CSV as a download named for the invoice. */
  static ResponseEntity<String> download(String invoiceNumber, List<HistoryEvent> events) {
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("history-" + invoiceNumber + ".csv", StandardCharsets.UTF_8).build().toString())
        .body(of(invoiceNumber, events));
  }

  static String of(String invoiceNumber, List<HistoryEvent> events) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (HistoryEvent event : events) {
      csv.append(line(invoiceNumber, event.at().toString(), event.category().name(), event.title(),
          event.detail(), event.actor(), event.source().label(),
          event.mailId() == null ? "" : event.mailId().toString())).append("\r\n");
    }
    return csv.toString();
  }

  /** Quotes a field when it holds a comma, a quote or a line break, doubling its quotes. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.matches("(?s).*[\",\r\n].*")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static String line(String... fields) {
    return Stream.of(fields).map(HistoryCsv::field).collect(Collectors.joining(","));
  }
}
