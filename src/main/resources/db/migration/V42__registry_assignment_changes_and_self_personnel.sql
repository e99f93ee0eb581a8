-- The registry's fixes after review (docs/registry.md):
--
-- 1. An assignment as project manager (RULES.md O2), once declared, is never deleted nor back-dated by the entity: it
--    may only tell that the project was accepted as completed or stopped (with or without the client's consent).
--    Each such change keeps the values before and after, who told it and when, numbered in order from 1 for
--    each assignment (changes of one assignment are made one after the other, its row locked): its history.
create table registry_assignment_change (
    id                     varchar(36)              not null primary key,
    assignment_id          varchar(36)              not null,
    change_no              integer                  not null,
    credit_code            varchar(18)              not null,
    changed_at             timestamp with time zone not null,
    changed_by             varchar(100)             not null,
    completed_on_before    date,
    completed_on           date,
    stopped_since_before   date,
    stopped_since          date,
    client_consent_before  boolean                  not null,
    client_consent         boolean                  not null
);
alter table registry_assignment_change add constraint registry_assignment_change_no unique (assignment_id, change_no);

-- 2. A registered person declared by an entity is that entity's declaration: several entities may declare the same
--    certificate number, each its own, and none blocks another. An authority's record (one per certificate number,
--    kept so by the checks and imports) wins over them all. The key is therefore the number, the employer and the
--    source; the table is rebuilt because H2 and PostgreSQL drop a primary key differently.
create table registry_person_v42 (
    certificate_no     varchar(64)              not null,
    name               varchar(100)             not null,
    registration_kind  varchar(100)             not null,
    speciality         varchar(100),
    employer_code      varchar(18)              not null,
    valid_to           date,
    source             varchar(16)              not null,
    check_id           varchar(36),
    recorded_at        timestamp with time zone not null,
    recorded_by        varchar(100)             not null,
    constraint registry_person_key primary key (certificate_no, employer_code, source)
);
insert into registry_person_v42 (certificate_no, name, registration_kind, speciality, employer_code, valid_to, source,
    check_id, recorded_at, recorded_by)
select certificate_no, name, registration_kind, speciality, employer_code, valid_to, source, check_id, recorded_at,
    recorded_by from registry_person;
drop table registry_person;
alter table registry_person_v42 rename to registry_person;
create index registry_person_employer on registry_person (employer_code);
