-- The implementation guides (NAME#VERSION in the node's package cache, comma-separated) against whose profiles
-- the validateProfileId asserts of a TestScript are checked; empty for the FHIR core specification alone.
alter table test_scripts add column implementation_guides varchar(2000) default '' not null;
