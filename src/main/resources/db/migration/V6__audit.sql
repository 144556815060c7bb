-- Issue 6: what the audit trail and the reports need to answer for any past date.

-- The business day an invoice stopped being owed: the value date of the payment that settled it,
-- or the day it was cancelled. With the payments' value dates it gives what was open on any day.
alter table invoice add column closed_on date;
update invoice set closed_on = (select max(p.paid_on) from payment p where p.invoice_id = invoice.id)
  where status = 'PAID';
-- The day of a cancellation was not kept before; the last entry of its history is the best known.
update invoice set closed_on = coalesce(
    (select max(cast(c.occurred_at as date)) from contact_log c where c.invoice_id = invoice.id),
    cast(created_at as date))
  where status = 'CANCELLED';

-- Who posted the invoice (the billing system's account, or a manager's); unknown for older rows.
alter table invoice add column registered_by varchar(128);

-- How far the invoice's collection had come when a payment arrived: which reminders work.
alter table payment add column stage varchar(40);
