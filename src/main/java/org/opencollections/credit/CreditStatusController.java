package org.opencollections.credit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CreditStatusController {

  private final CreditControl creditControl;

  CreditStatusController(CreditControl creditControl) {
    this.creditControl = creditControl;
  }

  @GetMapping("/api/customers/{customerId}/credit-status")
  CreditStatus creditStatus(@PathVariable String customerId) {
    return creditControl.status(customerId);
  }
}
