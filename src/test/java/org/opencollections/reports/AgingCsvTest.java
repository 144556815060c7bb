package org.opencollections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opencollections.system.Csv;
import org.springframework.http.ResponseEntity;

class AgingCsvTest {

  private static final LocalDate DAY = LocalDate.of(2026, 10, 31);

  @Test
  void aNameWithACommaAndAQuoteIsQuotedWithItsQuoteDoubled() {
    String csv = AgingCsv.write(AgingView.of(new Aging(DAY,
        List.of(line("C-1", "Smith, \"Jones\" & Co", "EUR", "1250.5", 10)),
        Map.of("EUR", AgingBuckets.ZERO.plus(10, new BigDecimal("1250.5"))))));

    assertThat(csv.split("\r\n")[1])
        .isEqualTo("C-1,\"Smith, \"\"Jones\"\" & Co\",EUR,1,0.00,1250.50,0.00,0.00,0.00,1250.50");
  }

  @Test
  void aFileHasAHeaderTheLinesAndATotalPerCurrencyWithTheCurrencysDecimals() {
    Aging aging = new Aging(DAY,
        List.of(line("C-1", "Alpha AB", "EUR", "100.0000", 0), line("C-2", "Beta AB", "EUR", "20.5", 45),
            line("C-3", "Gamma KK", "JPY", "15000.0000", 95)),
        new TreeMap<>(Map.of(
            "EUR", AgingBuckets.ZERO.plus(0, new BigDecimal("100")).plus(45, new BigDecimal("20.5")),
            "JPY", AgingBuckets.ZERO.plus(95, new BigDecimal("15000")))));

    assertThat(AgingCsv.write(AgingView.of(aging))).isEqualTo("""
        customerId,customerName,currency,invoices,current,days1To30,days31To60,days61To90,over90,total\r
        C-1,Alpha AB,EUR,1,100.00,0.00,0.00,0.00,0.00,100.00\r
        C-2,Beta AB,EUR,1,0.00,0.00,20.50,0.00,0.00,20.50\r
        C-3,Gamma KK,JPY,1,0,0,0,0,15000,15000\r
        ,Total,EUR,2,100.00,0.00,20.50,0.00,0.00,120.50\r
        ,Total,JPY,1,0,0,0,0,15000,15000\r
        """);
  }

  @Test
  void fieldsWithoutSeparatorsStayAsTheyAre() {
    assertThat(Csv.field("Alpha AB")).isEqualTo("Alpha AB");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void theDownloadIsAnAttachmentNamedForItsDay() {
    ResponseEntity<String> download = AgingCsv.download(AgingView.of(new Aging(DAY, List.of(), Map.of())));

    assertThat(download.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    assertThat(download.getHeaders().getFirst("Content-Disposition"))
        .isEqualTo("attachment; filename=\"aging-2026-10-31.csv\"");
    assertThat(download.getBody()).isEqualTo(
        "customerId,customerName,currency,invoices,current,days1To30,days31To60,days61To90,over90,total\r\n");
  }

  private static AgingLine line(String customerId, String name, String currency, String amount,
      long daysPastDue) {
    return new AgingLine(customerId, name, currency, 1,
        AgingBuckets.ZERO.plus(daysPastDue, new BigDecimal(amount)));
  }
}
