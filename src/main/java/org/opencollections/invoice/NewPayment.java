package org.opencollections.invoice;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code POST /api/payments}: money received for an invoice; the reference makes it idempotent. */
@ValidMoney
public record NewPayment(
    @NotBlank @Size(max = 64) String invoiceNumber,
    @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @NotBlank String currency,
    @NotNull LocalDate paidOn,
    @NotBlank @Size(max = 100) @Pattern(regexp = Constraints.SINGLE_LINE, message = Constraints.SINGLE_LINE_MESSAGE)
    String reference) implements MoneyAmount {
}
