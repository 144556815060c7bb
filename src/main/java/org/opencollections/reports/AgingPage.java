package org.opencollections.reports;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The aging page under {@code /reports} and its CSV download. The download is served here rather
 * than linked to the API, since the pages sign in with a session and the API takes HTTP basic.
 */
@Controller
class AgingPage {

  private final AgingViews views;

  AgingPage(AgingViews views) {
    this.views = views;
  }

  @GetMapping("/reports/aging")
  String aging(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate asOf, Model model) {
    AgingView aging = views.asOf(asOf);
    model.addAttribute("asOf", aging.asOf());
    model.addAttribute("currencies", aging.byCurrency());
    return "reports/aging";
  }

  @GetMapping("/reports/aging.csv")
  ResponseEntity<String> csv(@RequestParam(required = false)
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return AgingCsv.download(views.asOf(asOf));
  }

  /** A day that is no date: the page says so and shows nothing else. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ModelAndView notADate(MethodArgumentTypeMismatchException e) {
    ModelAndView page = new ModelAndView("reports/aging");
    page.addObject("error", "“" + e.getValue() + "” is not a date. Enter one as YYYY-MM-DD.");
    return page;
  }
}
