package org.opencollections.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencollections.invoice.Money;

/**
 * The aging as the API, the CSV file and the page show it: every amount with its currency's
 * decimals (12.50 EUR, 1250 JPY), and per currency the total of its lines.
 */
record AgingView(LocalDate asOf, List<Row> lines, Map<String, Row> totals) {

  /** A customer's line, or a currency's total (then without customer). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Row(String customerId, String customerName, String currency, long invoices,
      BigDecimal current, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90,
      BigDecimal over90, BigDecimal total) {

    static Row of(String customerId, String customerName, String currency, long invoices,
        AgingBuckets buckets) {
      return new Row(customerId, customerName, currency, invoices,
          Money.scaled(buckets.current(), currency), Money.scaled(buckets.days1To30(), currency),
          Money.scaled(buckets.days31To60(), currency), Money.scaled(buckets.days61To90(), currency),
          Money.scaled(buckets.over90(), currency), Money.scaled(buckets.total(), currency));
    }

    /** The five buckets and the total, in the order of the columns. */
    public List<BigDecimal> amounts() {
      return List.of(current, days1To30, days31To60, days61To90, over90, total);
    }
  }

  /** One currency's lines and their total: a table of the page. */
  record Currency(String code, List<Row> lines, Row total) {
  }

  static AgingView of(Aging aging) {
    List<Row> lines = aging.lines().stream()
        .map(line -> Row.of(line.customerId(), line.customerName(), line.currency(), line.invoices(),
            line.buckets()))
        .toList();
    Map<String, Row> totals = new LinkedHashMap<>();
    aging.totals().forEach((currency, buckets) -> totals.put(currency, Row.of(null, null, currency,
        lines.stream().filter(line -> line.currency().equals(currency)).mapToLong(Row::invoices).sum(),
        buckets)));
    return new AgingView(aging.asOf(), lines, totals);
  }

  /** The lines by currency, in the order of the totals. */
  List<Currency> byCurrency() {
    List<Currency> currencies = new ArrayList<>();
    totals.forEach((code, total) -> currencies.add(new Currency(code,
        lines.stream().filter(line -> line.currency().equals(code)).toList(), total)));
    return currencies;
  }
}
