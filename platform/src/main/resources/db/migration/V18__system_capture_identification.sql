-- How the recording proxy tells which system sent an exchange (issue 14): a capture token that the
-- system's client sends in the X-Connectathon-System header, else the client addresses the system
-- registered (IP addresses and CIDR ranges, comma-separated).
alter table systems add column capture_token varchar(64);
alter table systems add column client_addresses varchar(1000);
create unique index systems_capture_token on systems (capture_token);
