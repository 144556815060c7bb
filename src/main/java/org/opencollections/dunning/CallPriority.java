package org.opencollections.dunning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * How urgent a collection call is, as Camunda task priority (0 to 100): the more days overdue and
 * the more money outstanding, the higher.
 *
 * <pre>priority = min(100, daysOverdue + round(10 x log10(1 + outstanding / unit)))</pre>
 *
 * {@code daysOverdue} is that of the oldest invoice in the call; {@code outstanding / unit} adds up
 * the open balances, each divided by the unit of its currency (100 EUR, 1 000 SEK, 10 000 JPY
 * by default), so that amounts in different currencies weigh alike. 1 unit adds 3 points, 10 units
 * 10 points, 100 units 20, 1 000 units 30.
 */
public final class CallPriority {

  private final Map<String, BigDecimal> units;
  private final BigDecimal defaultUnit;

  /** @param units the amount that counts as one unit, per currency; others use {@code defaultUnit} */
  public CallPriority(Map<String, BigDecimal> units, BigDecimal defaultUnit) {
    this.units = Map.copyOf(units);
    this.defaultUnit = defaultUnit;
  }

  /** @param outstanding open balance per currency */
  public int of(long daysOverdue, Map<String, BigDecimal> outstanding) {
    double weighted = 0;
    for (var balance : outstanding.entrySet()) {
      BigDecimal unit = units.getOrDefault(balance.getKey(), defaultUnit);
      weighted += balance.getValue().divide(unit, MathContext.DECIMAL64).doubleValue();
    }
    long amountPoints = Math.round(10 * Math.log10(1 + Math.max(0, weighted)));
    return (int) Math.max(0, Math.min(100, Math.max(0, daysOverdue) + amountPoints));
  }
}
