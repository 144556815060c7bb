package org.opencollections.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the process engine keeps the history of a finished case, and when it may delete what
 * is older. The engine's cleanup window itself is set from the same keys in application.yaml.
 *
 * @param retentionDays days after a case ends before the engine deletes its history
 */
@Validated
@ConfigurationProperties("collections.history")
public record HistoryProperties(@Min(1) @Max(36500) int retentionDays) {
}
