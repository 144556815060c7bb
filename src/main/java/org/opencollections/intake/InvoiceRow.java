package org.opencollections.intake;

import java.util.List;
import org.opencollections.invoice.NewInvoice;

/**
 * One row of an invoice file: the invoice it asks for, or what is wrong with it.
 *
 * @param line the line of the file the row starts on (the header is line 1)
 * @param invoiceNumber the invoice number as written, or null where there is none
 * @param invoice the request, valid as {@code POST /api/invoices} wants it; null when the row is bad
 * @param problems what is wrong, column by column; empty for a good row
 */
record InvoiceRow(long line, String invoiceNumber, NewInvoice invoice, List<FieldProblem> problems) {

  static InvoiceRow good(long line, NewInvoice invoice) {
    return new InvoiceRow(line, invoice.invoiceNumber(), invoice, List.of());
  }

  static InvoiceRow bad(long line, String invoiceNumber, List<FieldProblem> problems) {
    return new InvoiceRow(line, invoiceNumber, null, List.copyOf(problems));
  }

  boolean isGood() {
    return problems.isEmpty();
  }
}
