package org.opencollections.dunning.process;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collections.calls}: how often a customer not reached is called again, and how call
 * priority weighs amounts in each currency.
 *
 * @param maxAttempts calls without an answer before the customer counts as not reached
 * @param maxPromiseDays how far ahead a customer may promise to pay
 * @param priorityUnits the amount per currency that counts as one unit of call priority
 * @param defaultPriorityUnit the unit for currencies not listed
 */
@Validated
@ConfigurationProperties("collections.calls")
public record CallProperties(
    @Min(1) int maxAttempts,
    @Min(1) int maxPromiseDays,
    Map<String, @Positive BigDecimal> priorityUnits,
    @NotNull @Positive BigDecimal defaultPriorityUnit) {

  public CallProperties {
    priorityUnits = priorityUnits == null ? Map.of() : Map.copyOf(priorityUnits);
  }
}
