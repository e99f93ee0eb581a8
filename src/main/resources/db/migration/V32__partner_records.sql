-- The records a partner hands back to a main centre on another platform (J7), kept here until they are sent, with
-- their SHA-256.
create table partner_record (
    id              varchar(36)               not null primary key,
    engagement_id   varchar(36)               not null references partner_engagement (id),
    name            varchar(255)              not null,
    content_type    varchar(100)              not null,
    content         blob                      not null,
    sha256          varchar(64)               not null,
    uploaded_by     varchar(100)              not null,
    uploaded_at     timestamp with time zone  not null
);

