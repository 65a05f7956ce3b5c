-- IHE SOAP transactions and HL7 v2 over MLLP beside FHIR REST (issue 18): one capture model for
-- every protocol.

-- What an endpoint speaks. An HL7 v2 endpoint's base URL is mllp://host:port, and the platform
-- listens for it on a port of the organizer's range, kept here so that it survives a restart.
alter table endpoints add column protocol varchar(10) default 'FHIR' not null;
alter table endpoints add constraint endpoints_protocol_check check (protocol in ('FHIR', 'SOAP', 'HL7V2'));
alter table endpoints add column mllp_port integer;
create unique index endpoints_mllp_port on endpoints (mllp_port);

-- What a capture crossed the wire as; its message type (the SOAP action, or MSH-9 as ADT^A01);
-- and the catalog transaction it was identified as, null when none or several match.
alter table captures add column protocol varchar(10) default 'FHIR' not null;
alter table captures add constraint captures_protocol_check check (protocol in ('FHIR', 'SOAP', 'HL7V2'));
alter table captures add column message_type varchar(300);
alter table captures add column transaction_keyword varchar(64);
