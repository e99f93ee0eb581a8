-- Electronic bid guarantees (电子保函, RULES.md C17): ordered through the centre from a guarantee provider, kept with
-- the file and the hashes the provider signed, then surrendered (退保) or claimed (索赔).
create table e_guarantee (
    guarantee_no      varchar(64)               not null primary key,
    order_no          varchar(36)               not null,
    provider          varchar(100)              not null,
    tender_id         varchar(36)               not null references tender (id),
    round             int                       not null,
    bidder_id         varchar(18)               not null,
    bidder_name       varchar(300)              not null,
    ordered_by        varchar(100)              not null,
    amount            decimal(18, 2)            not null,
    issued_at         timestamp with time zone  not null,
    start_date        date                      not null,
    end_date          date                      not null,
    -- the file as the provider sent it (Base64) and the hashes it signed
    file              clob                      not null,
    md5               varchar(32)               not null,
    sha256            varchar(64)               not null,
    -- ISSUED, SURRENDERED (退保) or CLAIMED (索赔)
    status            varchar(16)               not null,
    settled_at        timestamp with time zone,
    settled_reason    varchar(2000),
    settled_citation  varchar(200)
);
create index e_guarantee_tender on e_guarantee (tender_id, round, bidder_id);
