-- Records a partner centre hands back to the main venue (J7: paper, electronic and audio-video records of the
-- evaluation), each file kept with its SHA-256, name, type, size, uploader and time; they go into the tender's
-- archive package, whose manifest lists the same hashes.
create table remote_record (
    id              varchar(36)               not null primary key,
    evaluation_id   varchar(36)               not null references remote_evaluation (id),
    centre_code     varchar(20)               not null references centre (code),
    venue_id        varchar(36)               references venue (id),
    kind            varchar(20)               not null,
    name            varchar(255)              not null,
    content_type    varchar(100)              not null,
    bytes           bigint                    not null,
    sha256          varchar(64)               not null,
    content         blob                      not null,
    uploaded_by     varchar(100)              not null,
    uploaded_at     timestamp with time zone  not null
);
create index remote_record_evaluation on remote_record (evaluation_id, centre_code);

-- A partner's answer to the compensation its agreement gives (J4, J16): agreed, or disputed with its reasons.
-- Every answer is kept; the latest is the partner's position.
create table remote_compensation_answer (
    id              varchar(36)               not null primary key,
    evaluation_id   varchar(36)               not null references remote_evaluation (id),
    centre_code     varchar(20)               not null references centre (code),
    seq             integer                   not null,
    agreed          boolean                   not null,
    reason          varchar(2000),
    compensation    decimal(12, 2)            not null,
    answered_by     varchar(100)              not null,
    answered_at     timestamp with time zone  not null
);
create unique index remote_compensation_answer_seq on remote_compensation_answer (evaluation_id, centre_code, seq);
