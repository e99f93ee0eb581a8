-- A partner centre's own archive of its engagement in another platform's remote evaluation (issue 17): the request
-- and its avoidance facts, the joint draw's commitments and reveals, the seats, the records handed back, the signed
-- messages with the keys that verify them, the audit entries and the process history, with a manifest of SHA-256
-- hashes. Written once when the engagement is over; its hashes are kept apart from it, as for a tender's archive.
create table engagement_archive (
    engagement_id    varchar(36)               not null primary key references partner_engagement (id),
    created_at       timestamp with time zone  not null,
    created_by       varchar(100)              not null,
    package          blob                      not null,
    package_sha256   varchar(64)               not null,
    manifest_sha256  varchar(64)               not null,
    bytes            bigint                    not null
);
