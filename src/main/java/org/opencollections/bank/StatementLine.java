package org.opencollections.bank;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booked movement of a bank statement, as read from the file: a payment received (credit) or
 * a payment received earlier and now returned (a reversed credit). A batch booking with several
 * transactions gives one line per transaction.
 *
 * @param bankReference the bank's own reference, unique on the account: what makes reading a
 *     statement twice harmless
 * @param returnedPayment true for a credit the bank took back (reversal)
 * @param creditorReference the structured reference the payer gave (an RF reference), if any
 * @param remittanceText what the payer wrote, and any other references the bank passed on
 */
record StatementLine(
    String bankReference,
    BigDecimal amount,
    String currency,
    boolean returnedPayment,
    LocalDate bookedOn,
    LocalDate valueDate,
    String endToEndId,
    String debtorName,
    String debtorAccount,
    String creditorReference,
    String remittanceText) {
}
