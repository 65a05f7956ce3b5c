-- Correlation of captures to test steps and their background validation (issue 14, items 3 and 4).

-- The kinds of requests a catalog transaction is ('fhir:search-type Patient'), in the order the
-- catalog lists them: what captures are matched to steps by. The text starts with its protocol
-- so that SOAP actions or HL7 v2 message types can be declared the same way later.
create table transaction_matches (
    transaction_id bigint not null references transactions (id) on delete cascade,
    position integer not null,
    pattern varchar(200) not null,
    primary key (transaction_id, position)
);

-- When the correlation looked at the capture (whatever it found): the validation waits for it, so
-- that it knows the step and the implementation guides the step names.
alter table captures add column correlated_at timestamp with time zone;
-- A validation under way on a node: claimed rows are taken back once the claim is stale.
alter table captures add column validation_claimed_at timestamp with time zone;
