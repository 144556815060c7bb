package org.opencollections.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.opencollections.credit.CustomerNotFoundException;
import org.opencollections.reports.Chart.Series;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The customer list and one customer's view, as of today. Read-only. */
@Controller
class CustomerPages {

  private final CustomerReport customers;
  private final Clock clock;

  CustomerPages(CustomerReport customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  /**
   * @param name part of the customer's name to filter by
   * @param sort {@code name} (the default) or {@code name-desc}
   */
  @GetMapping("/reports/customers")
  String customers(@RequestParam(required = false) String name,
      @RequestParam(defaultValue = "name") String sort, Model model) {
    boolean descending = "name-desc".equals(sort);
    model.addAttribute("customers", customers.customers(name, descending, LocalDate.now(clock)));
    model.addAttribute("name", name == null ? "" : name.strip());
    model.addAttribute("descending", descending);
    return "reports/customers";
  }

  @GetMapping("/reports/customers/{customerId}")
  String customer(@PathVariable String customerId, Model model) {
    CustomerReport.CustomerView view = customers.customer(customerId, LocalDate.now(clock));
    model.addAttribute("view", view);
    model.addAttribute("zone", clock.getZone());
    List<PaymentBehaviour.Month> trend = view.behaviour().trend();
    model.addAttribute("charts", Map.of("trend", new Chart("bar",
        trend.stream().map(month -> month.month().toString()).toList(),
        List.of(new Series("Average days late",
            trend.stream().map(month -> month.daysLate().average()).toList())))));
    return "reports/customer";
  }

  /** A page of its own for an unknown customer, instead of the API's JSON. */
  @ExceptionHandler(CustomerNotFoundException.class)
  ModelAndView notFound(CustomerNotFoundException e) {
    return new ModelAndView("reports/customer", Map.of("notFound", e.getMessage()), HttpStatus.NOT_FOUND);
  }
}
