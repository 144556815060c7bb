package org.opencollections.invoice;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

  private final RegisteringInvoice registering;
  private final InvoiceCases cases;

  InvoiceController(RegisteringInvoice registering, InvoiceCases cases) {
    this.registering = registering;
    this.cases = cases;
  }

  @PostMapping
  ResponseEntity<InvoiceCase> register(@Valid @RequestBody NewInvoice request, Principal user) {
    Invoice invoice = registering.register(request, user.getName());
    return ResponseEntity.created(URI.create("/api/invoices/" + invoice.getInvoiceNumber()))
        .body(cases.toCase(invoice));
  }

  @GetMapping("/{invoiceNumber}")
  InvoiceCase find(@PathVariable String invoiceNumber) {
    return cases.find(invoiceNumber);
  }
}
