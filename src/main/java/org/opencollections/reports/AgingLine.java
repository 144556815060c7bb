package org.opencollections.reports;

/** What one customer owed in one currency on the report date, by age. */
public record AgingLine(String customerId, String customerName, String currency, long invoices,
    AgingBuckets buckets) {
}
