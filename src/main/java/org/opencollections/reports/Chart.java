package org.opencollections.reports;

import java.util.List;

/**
 * What one Chart.js chart draws; the page's {@code reports/assets/charts.js} turns it into the
 * chart. The same numbers stand in a table beside it.
 *
 * @param type a Chart.js type: {@code line}, {@code bar}, {@code doughnut}
 */
record Chart(String type, List<String> labels, List<Series> series) {

  /** One line or set of bars; a null value leaves a gap. */
  record Series(String label, List<? extends Number> values) {
  }
}
