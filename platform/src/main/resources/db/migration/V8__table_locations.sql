-- Where a system sits on the testing floor, assigned by organizers and shown to partners.
alter table systems add column table_location varchar(50);
