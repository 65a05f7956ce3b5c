-- Whether the platform may send requests on a participant's behalf (automated steps, and later the proxy and
-- CapabilityStatement fetches) to loopback and private addresses: off unless the organizer allows it, for an
-- event on one laptop or a private network.
alter table events add column allow_private_addresses boolean default false not null;
