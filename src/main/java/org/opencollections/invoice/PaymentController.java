package org.opencollections.invoice;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

  private final RecordingPayment recording;

  PaymentController(RecordingPayment recording) {
    this.recording = recording;
  }

  /** The payment as recorded, with the invoice's state after it. */
  record RecordedPayment(String reference, String invoiceNumber, BigDecimal amount, String currency,
      LocalDate paidOn, Instant recordedAt, InvoiceStatus invoiceStatus, BigDecimal invoiceBalance) {

    static RecordedPayment of(Payment payment, Invoice invoice) {
      return new RecordedPayment(payment.getReference(), invoice.getInvoiceNumber(),
          Money.scaled(payment.getAmount(), payment.getCurrency()), payment.getCurrency(),
          payment.getPaidOn(), payment.getRecordedAt(), invoice.getStatus(),
          Money.scaled(invoice.getBalance(), invoice.getCurrency()));
    }
  }

  /** 201 when recorded now; 200 when the same payment was recorded before (idempotent on reference). */
  @PostMapping
  ResponseEntity<RecordedPayment> record(@Valid @RequestBody NewPayment request, Principal user) {
    RecordingPayment.Result result = recording.record(request, user.getName());
    return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(RecordedPayment.of(result.payment(), result.invoice()));
  }
}
