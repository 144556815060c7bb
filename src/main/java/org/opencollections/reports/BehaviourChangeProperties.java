package org.opencollections.reports;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collections.reports.behaviour-change}: when a customer's payments count as suddenly later
 * (see {@link BehaviourChangeRule}).
 *
 * @param minDays days the last 3 months' average must exceed the 9 months before by
 * @param minPercent percent it must exceed them by as well
 * @param minInvoices settled invoices needed in each window for a verdict
 */
@Validated
@ConfigurationProperties("collections.reports.behaviour-change")
record BehaviourChangeProperties(@Min(0) int minDays, @Min(0) int minPercent, @Min(1) int minInvoices) {
}
