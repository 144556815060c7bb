package org.opencollections.audit;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The sign-in form and the start page of the audit and report pages. */
@Controller
class ReportPages {

  @GetMapping("/reports/login")
  String login() {
    return "reports/login";
  }

  /** The start page finds an invoice by its number. */
  @GetMapping("/reports")
  String start(@RequestParam(required = false) String invoice) {
    if (invoice != null && !invoice.isBlank()) {
      return "redirect:/reports/invoices/"
          + UriUtils.encodePathSegment(invoice.strip(), StandardCharsets.UTF_8);
    }
    return "reports/start";
  }
}
