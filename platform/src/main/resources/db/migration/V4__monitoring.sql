-- Monitoring: which monitors verify which tests, who is verifying which instance, step verdicts.

create table monitor_assignments (
    test_id bigint not null references tests (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    primary key (test_id, user_id)
);
create index monitor_assignments_user on monitor_assignments (user_id);

-- At most one monitor works on an instance at a time.
create table instance_claims (
    test_instance_id bigint primary key references test_instances (id) on delete cascade,
    user_id bigint not null references users (id),
    user_name varchar(200) not null,
    claimed_at timestamp with time zone default current_timestamp not null
);

create table step_verdicts (
    test_instance_id bigint not null references test_instances (id) on delete cascade,
    step_index integer not null,
    verdict varchar(10) not null,
    comment varchar(2000),
    user_id bigint not null,
    user_name varchar(200) not null,
    decided_at timestamp with time zone default current_timestamp not null,
    primary key (test_instance_id, step_index),
    constraint step_verdicts_verdict_check check (verdict in ('PASSED', 'FAILED'))
);
