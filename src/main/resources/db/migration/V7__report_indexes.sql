-- Issue 6: the aging report over a million invoices in under a second.

-- Everything the report reads of an invoice, so that it sums the invoices open on a day from the
-- index alone, without reading their rows: those open today (closed_on null) and those closed
-- after the day.
create index invoice_aging on invoice (closed_on, issue_date, customer_id, currency, due_date,
                                       balance, amount);
-- What an invoice had been paid by a day, from the index alone.
create index payment_invoice_paid on payment (invoice_id, paid_on, amount);
-- The payments made after a day.
create index payment_paid on payment (paid_on, invoice_id, amount);
