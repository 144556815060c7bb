package org.opencollections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencollections.system.Csv;

class HistoryCsvTest {

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndTheirQuotesDoubled() {
    assertThat(Csv.field("plain")).isEqualTo("plain");
    assertThat(Csv.field("a, b")).isEqualTo("\"a, b\"");
    assertThat(Csv.field("said \"soon\"")).isEqualTo("\"said \"\"soon\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.field(null)).isEmpty();
  }

  @Test
  void textASpreadsheetWouldRunAsAFormulaIsDefusedButNumbersStayNumbers() {
    assertThat(Csv.field("=HYPERLINK(\"http://x.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x.example\"\")\"");
    assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.field("+46 8 555 000")).isEqualTo("'+46 8 555 000");
    assertThat(Csv.field("-12.50")).isEqualTo("-12.50");
    assertThat(Csv.field("40.00")).isEqualTo("40.00");
  }

  @Test
  void oneLinePerEventAfterTheHeaderWithTheMailIdWhereThereIsOne() {
    String csv = HistoryCsv.of("INV-1", List.of(
        new HistoryEvent(Instant.parse("2026-04-08T12:00:00Z"), HistoryEvent.Category.MAIL,
            "Mail sent: Overdue notice", "\"Invoice INV-1 is past its due date\" to a@b.example",
            "system", HistoryEvent.Source.OUTBOX, 7L),
        HistoryEvent.of(Instant.parse("2026-04-09T13:00:00Z"), HistoryEvent.Category.CALL,
            "Call: no answer", "", "clara", HistoryEvent.Source.CONTACT_LOG)));
    assertThat(csv).isEqualTo("invoice,time,category,event,details,by,source,mail\r\n"
        + "INV-1,2026-04-08T12:00:00Z,MAIL,Mail sent: Overdue notice,"
        + "\"\"\"Invoice INV-1 is past its due date\"\" to a@b.example\",system,mail outbox,7\r\n"
        + "INV-1,2026-04-09T13:00:00Z,CALL,Call: no answer,,clara,contact log,\r\n");
  }
}
