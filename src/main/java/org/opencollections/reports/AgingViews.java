package org.opencollections.reports;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The aging as shown, on a given day or today when none is given. */
@Component
class AgingViews {

  private final AgingReport report;
  private final Clock clock;

  AgingViews(AgingReport report, Clock clock) {
    this.report = report;
    this.clock = clock;
  }

  AgingView asOf(LocalDate day) {
    return AgingView.of(report.asOf(day == null ? LocalDate.now(clock) : day));
  }
}
