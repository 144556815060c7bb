-- Issue 5: mails go out as text and HTML with attachments; letters need the customer's postal address.
alter table outbox_mail add column html_body varchar(100000);
alter table outbox_mail add column attachments varchar(1000);
alter table outbox_mail add column language varchar(35);
alter table customer add column postal_address varchar(1000);
