-- HL7 v2 conformance profiles that a catalog transaction names (issue 18): each the XML of an HL7
-- message profile (HL7v2xConformanceProfile), applied to the captured messages of its message type.
create table transaction_hl7v2_profiles (
    transaction_id bigint not null references transactions (id) on delete cascade,
    position integer not null,
    profile text not null,
    primary key (transaction_id, position)
);
