-- Idempotent creation: a POST with an Idempotency-Key is done once per user and key; a retry gets the first answer.
create table idempotency_key (
    user_id       varchar(100)              not null,
    idem_key      varchar(200)              not null,
    method        varchar(10)               not null,
    path          varchar(1000)             not null,
    request_hash  varchar(64)               not null,
    -- IN_PROGRESS while the first request runs, DONE with its answer
    state         varchar(16)               not null,
    status        int,
    content_type  varchar(200),
    location      varchar(1000),
    body          varchar(1000000),
    created_at    timestamp with time zone  not null,
    primary key (user_id, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);
