package org.opencollections.reports;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opencollections.invoice.Money;

/**
 * Counts and amounts per key (a stage, a customer) and currency, gathered from rows grouped by
 * both; a key's count adds up its currencies, its amounts never do.
 */
final class Tally {

  private final Map<String, Long> counts;
  private final Map<String, Map<String, BigDecimal>> amounts = new HashMap<>();

  /** @param order the order of the keys */
  Tally(Comparator<String> order) {
    this.counts = new TreeMap<>(order);
  }

  void add(String key, String currency, long count, BigDecimal amount) {
    counts.merge(key, count, Long::sum);
    amounts.computeIfAbsent(key, k -> new TreeMap<>()).put(currency, Money.scaled(amount, currency));
  }

  Set<String> keys() {
    return counts.keySet();
  }

  long count(String key) {
    return counts.getOrDefault(key, 0L);
  }

  /** The key's amount per currency, by currency code; empty for an unknown key. */
  Map<String, BigDecimal> amounts(String key) {
    return amounts.getOrDefault(key, Map.of());
  }
}
