package org.opencollections.reports;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The dashboard's figures and a customer's payment behaviour as JSON, for any date (today by default). */
@RestController
class ReportsApi {

  private final Dashboard dashboard;
  private final CustomerReport customers;
  private final Clock clock;

  ReportsApi(Dashboard dashboard, CustomerReport customers, Clock clock) {
    this.dashboard = dashboard;
    this.customers = customers;
    this.clock = clock;
  }

  @GetMapping("/api/reports/dashboard")
  DashboardFigures dashboard(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from) {
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    return dashboard.on(day, period(day, from));
  }

  @GetMapping("/api/customers/{customerId}/payment-behaviour")
  PaymentBehaviour paymentBehaviour(@PathVariable String customerId,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
    return customers.paymentBehaviour(customerId, date == null ? LocalDate.now(clock) : date);
  }

  /** The start of the period payments and promises count over: the 12 months to the date unless asked. */
  static LocalDate period(LocalDate date, LocalDate from) {
    if (from == null) {
      return Dashboard.defaultFrom(date);
    }
    if (from.isAfter(date)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "from (" + from + ") must not be after date (" + date + ")");
    }
    return from;
  }
}
