package org.opencollections.charges;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opencollections.dunning.LateCharges;
import org.opencollections.invoice.Money;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The late charges of an invoice, and a manager's waiver of one of them. */
@RestController
class ChargesController {

  private final ChargingLateFees charging;

  ChargesController(ChargingLateFees charging) {
    this.charging = charging;
  }

  /** Every charge with how it was computed; {@code owed} leaves out the waived ones. */
  record Charges(String invoiceNumber, BigDecimal owed, String currency, List<ChargeView> charges) {
  }

  record ChargeView(long id, int reminder, LateCharges.Kind kind, BigDecimal amount, String currency,
      LocalDate through, String explanation, Instant chargedAt, Instant waivedAt, String waivedBy,
      String waiveReason) {

    static ChargeView of(ChargeRecord record) {
      return new ChargeView(record.getId(), record.getLevel(), record.getKind(),
          Money.scaled(record.getAmount(), record.getCurrency()), record.getCurrency(),
          record.getThrough(), record.getExplanation(), record.getChargedAt(), record.getWaivedAt(),
          record.getWaivedBy(), record.getWaiveReason());
    }
  }

  /** Why a manager lets a charge go; kept with the charge for the auditor. */
  record Waiver(@NotBlank @Size(max = 500)
      @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line") String reason) {
  }

  @GetMapping("/api/invoices/{invoiceNumber}/charges")
  Charges charges(@PathVariable String invoiceNumber) {
    LateCharges.Statement statement = charging.statement(invoiceNumber);
    return new Charges(invoiceNumber, statement.totalOwed(), statement.currency(),
        charging.charges(invoiceNumber).stream().map(ChargeView::of).toList());
  }

  @PostMapping("/api/invoices/{invoiceNumber}/charges/{chargeId}/waiver")
  ChargeView waive(@PathVariable String invoiceNumber, @PathVariable long chargeId,
      @Valid @RequestBody Waiver waiver, Principal user) {
    return ChargeView.of(charging.waive(invoiceNumber, chargeId, waiver.reason().strip(), user.getName()));
  }
}
