-- The trading-entity registry (交易主体库, issue 18; RULES.md O1–O3): entities by unified social credit code, their
-- qualifications (资质), registered personnel (注册建造师 and other registered staff), performance records (业绩) and
-- the in-progress assignments of registered persons as project manager (在建项目, RULES.md O2). Every record
-- carries its source: SELF (declared by the entity) or an authority (SAMR, MOHURD), with the check or import that
-- produced it (check_id). No foreign keys between the tables: bulk imports check references themselves, in one pass.

-- What was asked of an authority, when and by whom, what it answered (as received) and its digest and signature; an
-- import of a file is recorded here too (kind IMPORT_*, the file's SHA-256, no answer).
create table registry_check (
    id             varchar(36)              not null primary key,
    credit_code    varchar(18),
    kind           varchar(32)              not null,
    authority      varchar(16)              not null,
    asked_at       timestamp with time zone not null,
    asked_by       varchar(100)             not null,
    request        clob                     not null,
    answer         clob,
    answer_sha256  varchar(64),
    signature      varchar(1000),
    -- FOUND, NOT_FOUND, FAILED (the authority refused or could not be reached), IMPORTED
    outcome        varchar(16)              not null,
    error          varchar(2000)
);
create index registry_check_entity on registry_check (credit_code, asked_at);

create table registry_entity (
    credit_code           varchar(18)              not null primary key,
    name                  varchar(300)             not null,
    entity_type           varchar(100)             not null,
    legal_representative  varchar(100),
    region_code           varchar(6),
    source                varchar(16)              not null,
    check_id              varchar(36),
    recorded_at           timestamp with time zone not null,
    recorded_by           varchar(100)             not null
);

create table registry_qualification (
    id           varchar(36)              not null primary key,
    credit_code  varchar(18)              not null,
    kind         varchar(100)             not null,
    grade        varchar(50)              not null,
    issuer       varchar(200)             not null,
    number       varchar(100)             not null,
    valid_from   date                     not null,
    valid_to     date                     not null,
    source       varchar(16)              not null,
    check_id     varchar(36),
    recorded_at  timestamp with time zone not null,
    recorded_by  varchar(100)             not null
);
create index registry_qualification_entity on registry_qualification (credit_code);

-- one registration per certificate number; the employer is the entity the person is registered with
create table registry_person (
    certificate_no     varchar(64)              not null primary key,
    name               varchar(100)             not null,
    registration_kind  varchar(100)             not null,
    speciality         varchar(100),
    employer_code      varchar(18)              not null,
    valid_to           date,
    source             varchar(16)              not null,
    check_id           varchar(36),
    recorded_at        timestamp with time zone not null,
    recorded_by        varchar(100)             not null
);
create index registry_person_employer on registry_person (employer_code);

create table registry_performance (
    id           varchar(36)              not null primary key,
    credit_code  varchar(18)              not null,
    project      varchar(300)             not null,
    client       varchar(300)             not null,
    amount       decimal(18, 2)           not null,
    start_date   date                     not null,
    end_date     date,
    role         varchar(100)             not null,
    works_kind   varchar(100)             not null,
    source       varchar(16)              not null,
    check_id     varchar(36),
    recorded_at  timestamp with time zone not null,
    recorded_by  varchar(100)             not null
);
create index registry_performance_entity on registry_performance (credit_code, works_kind, end_date);

-- a registered person as project manager of a works project (RULES.md O2): in progress until completed_on
-- (竣工验收); stopped_since and client_consent are the facts of the exception for a project stopped
create table registry_assignment (
    id              varchar(36)              not null primary key,
    certificate_no  varchar(64)              not null,
    credit_code     varchar(18)              not null,
    project         varchar(300)             not null,
    project_code    varchar(100),
    client          varchar(300)             not null,
    start_date      date                     not null,
    completed_on    date,
    stopped_since   date,
    client_consent  boolean                  not null,
    source          varchar(16)              not null,
    check_id        varchar(36),
    recorded_at     timestamp with time zone not null,
    recorded_by     varchar(100)             not null
);
create index registry_assignment_person on registry_assignment (certificate_no);
create index registry_assignment_entity on registry_assignment (credit_code);
