-- The electronic archive (电子档案): one package per tender once its lifecycle is over — documents, decisions with
-- their citations, the audit trail and the process history, with a manifest of SHA-256 hashes. The hashes of the
-- package and of its manifest are kept apart from it, so an altered copy shows.
create table tender_archive (
    tender_id        varchar(36)               not null primary key references tender (id),
    created_at       timestamp with time zone  not null,
    created_by       varchar(100)              not null,
    package          blob                      not null,
    package_sha256   varchar(64)               not null,
    manifest_sha256  varchar(64)               not null,
    bytes            bigint                    not null
);
