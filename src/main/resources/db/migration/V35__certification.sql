-- E-certificates of several CAs, mutually recognised (docs/rules.md K7, K8, O4, O5; docs/certification.md).
-- The trust list: the CAs the platform knows, each with its CA certificate, and per province the period during which
-- that province recognises it. A province is the first two digits of its GB/T 2260 administrative division code
-- (41 Henan, 11 Beijing, ...).
create table trusted_ca (
    id               varchar(64)               not null primary key,
    name             varchar(300)              not null,
    -- the CA certificate, PEM; its subject and SHA-256 (of the DER) for look-ups
    certificate      varchar(20000)            not null,
    subject          varchar(1000)             not null,
    sha256           varchar(64)               not null unique,
    created_at       timestamp with time zone  not null,
    created_by       varchar(100)              not null
);

create table ca_recognition (
    id               varchar(36)               not null primary key,
    ca_id            varchar(64)               not null references trusted_ca (id),
    province         varchar(2)                not null,
    -- both days included, in China time; no end: until further notice
    effective_from   date                      not null,
    effective_to     date,
    basis            varchar(300),
    updated_at       timestamp with time zone  not null,
    updated_by       varchar(100)              not null
);
create index ca_recognition_ca on ca_recognition (ca_id, province);

-- Certificates registered for a trading entity (by its unified social credit code), each verified when registered.
create table entity_certificate (
    id               varchar(36)               not null primary key,
    credit_code      varchar(18)               not null,
    ca_id            varchar(64)               not null references trusted_ca (id),
    province         varchar(2)                not null,
    serial_number    varchar(100)              not null,
    subject          varchar(1000)             not null,
    issuer           varchar(1000)             not null,
    not_before       timestamp with time zone  not null,
    not_after        timestamp with time zone  not null,
    sha256           varchar(64)               not null,
    chain            varchar(100000)           not null,
    decision_id      varchar(36)               not null,
    registered_at    timestamp with time zone  not null,
    registered_by    varchar(100)              not null,
    constraint entity_certificate_once unique (credit_code, sha256)
);
create index entity_certificate_code on entity_certificate (credit_code);
