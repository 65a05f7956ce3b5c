-- Failed sign-ins, counted per account (the user name typed, whether or not it exists) and per client address,
-- in the database so that every node of the platform sees the same counts.
create table sign_in_failures (
    subject_kind varchar(10) not null,
    subject varchar(200) not null,
    failures int not null,
    last_failure_at timestamp with time zone not null,
    locked_until timestamp with time zone,
    constraint sign_in_failures_pk primary key (subject_kind, subject),
    constraint sign_in_failures_kind_check check (subject_kind in ('ACCOUNT', 'ADDRESS'))
);
create index sign_in_failures_last_failure on sign_in_failures (last_failure_at);

-- API tokens expire. Tokens made before this version get 90 days from the upgrade, the default lifetime of a new
-- token: scripts keep working while their owners learn that tokens now expire, and none stays valid for ever.
alter table api_tokens add column expires_at timestamp with time zone;
update api_tokens set expires_at = current_timestamp + interval '90' day;
alter table api_tokens alter column expires_at set not null;
