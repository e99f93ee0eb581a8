-- The opening record (开标记录, EB20 32): generated when a round's bids are opened, published as it was then.
create table opening_record (
    tender_id   varchar(36)               not null references tender (id),
    round       int                       not null,
    record      clob                      not null,
    created_at  timestamp with time zone  not null,
    primary key (tender_id, round)
);
