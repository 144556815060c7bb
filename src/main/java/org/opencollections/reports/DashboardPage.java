package org.opencollections.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencollections.reports.Chart.Series;
import org.opencollections.reports.DashboardFigures.OverduePoint;
import org.opencollections.reports.DashboardFigures.StageCases;
import org.opencollections.reports.DashboardFigures.StagePayments;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The dashboard page: the figures of {@link Dashboard} as cards, charts and tables. Read-only. */
@Controller
class DashboardPage {

  private final Dashboard dashboard;
  private final Clock clock;

  DashboardPage(Dashboard dashboard, Clock clock) {
    this.dashboard = dashboard;
    this.clock = clock;
  }

  @GetMapping("/reports/dashboard")
  String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from, Model model) {
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    DashboardFigures figures = dashboard.on(day, ReportsApi.period(day, from));
    model.addAttribute("figures", figures);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("charts", charts(figures));
    model.addAttribute("windowMonths", DaysSalesOutstanding.WINDOW_MONTHS);
    return "reports/dashboard";
  }

  /** A date the page cannot read is said on the page, not as the API's JSON. */
  @ExceptionHandler({MethodArgumentTypeMismatchException.class, ResponseStatusException.class})
  ModelAndView badRequest(Exception e) {
    String message = e instanceof MethodArgumentTypeMismatchException mismatch
        ? mismatch.getName() + " must be a date (YYYY-MM-DD)"
        : ((ResponseStatusException) e).getReason();
    return new ModelAndView("reports/dashboard", Map.of("error", message), HttpStatus.BAD_REQUEST);
  }

  private static Map<String, Chart> charts(DashboardFigures figures) {
    Map<String, Chart> charts = new LinkedHashMap<>();
    List<OverduePoint> trend = figures.overdueTrend();
    List<String> currencies = trend.isEmpty() ? List.of() : List.copyOf(trend.get(0).overdue().keySet());
    charts.put("overdue", new Chart("line", trend.stream().map(point -> point.date().toString()).toList(),
        currencies.stream().map(currency -> new Series(currency,
            trend.stream().map(point -> point.overdue().get(currency)).toList())).toList()));
    charts.put("stages", new Chart("bar", figures.casesPerStage().stream().map(StageCases::label).toList(),
        List.of(new Series("Open invoices",
            figures.casesPerStage().stream().map(StageCases::invoices).toList()))));
    List<StagePayments> payments = figures.paymentsPerStage();
    charts.put("payments", new Chart("bar", payments.stream().map(StagePayments::label).toList(), List.of(
        new Series("Payments", payments.stream().map(StagePayments::payments).toList()),
        new Series("Invoices settled", payments.stream().map(StagePayments::invoicesSettled).toList()))));
    var promises = figures.promises();
    charts.put("promises", new Chart("doughnut", List.of("Kept", "Broken", "Pending"), List.of(
        new Series("Promises", List.of(promises.kept(), promises.broken(), promises.pending())))));
    return charts;
  }
}
