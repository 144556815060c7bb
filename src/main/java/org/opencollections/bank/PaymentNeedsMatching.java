package org.opencollections.bank;

import java.util.List;
import org.opencollections.invoice.Invoice;

/** A payment from a bank statement that a clerk must assign: the entry, why, and the candidates. */
public record PaymentNeedsMatching(BankEntry entry, List<Invoice> candidates) {
}
