package org.opencollections.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The accounts receivable aging on a date: one line per customer and currency (largest total
 * first), and the totals per currency. Amounts of different currencies are never added.
 */
public record Aging(LocalDate asOf, List<AgingLine> lines, Map<String, AgingBuckets> totals) {
}
