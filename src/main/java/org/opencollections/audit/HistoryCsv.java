package org.opencollections.audit;

import java.util.Arrays;
import java.util.List;
import org.opencollections.system.Csv;
import org.springframework.http.ResponseEntity;

/** An invoice's history as CSV, one line per event, for spreadsheets and BI tools. */
final class HistoryCsv {

  static final String HEADER = "invoice,time,category,event,details,by,source,mail";

  private HistoryCsv() {
  }

  /** The CSV as a download named for the invoice. */
  static ResponseEntity<String> download(String invoiceNumber, List<HistoryEvent> events) {
    return Csv.download("history-" + invoiceNumber + ".csv", of(invoiceNumber, events));
  }

  static String of(String invoiceNumber, List<HistoryEvent> events) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (HistoryEvent event : events) {
      csv.append(Csv.line(Arrays.asList(invoiceNumber, event.at().toString(), event.category().name(),
          event.title(), event.detail(), event.actor(), event.source().label(),
          event.mailId() == null ? "" : event.mailId().toString())));
    }
    return csv.toString();
  }
}
