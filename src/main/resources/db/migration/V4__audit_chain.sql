-- The audit trail becomes tamper-evident: each entry carries the hash of the one before it and its own hash over
-- its content and that link; the head keeps the last hash, so a deleted last entry shows too. Entries written
-- before this migration stay unchained (the verification counts them).
alter table audit_entry add column prev_hash varchar(64);
alter table audit_entry add column entry_hash varchar(64);

create table audit_head (
    id         integer      not null primary key,
    last_id    bigint       not null,
    last_hash  varchar(64)  not null
);
insert into audit_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
