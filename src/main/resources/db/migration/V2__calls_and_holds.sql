-- Issue 3: an invoice that keeps its customer on credit hold until it is paid, and holds placed
-- or lifted by hand (a second manager approves a lift).

alter table invoice add column holds_credit boolean default false not null;

alter table credit_hold add column manual boolean default false not null;
alter table credit_hold add column lift_approved_by varchar(128);

create index invoice_customer_status on invoice (customer_id, status);
