-- Collusion analysis (TBR 39–41; O87 36, 37; RULES.md E1–E7). The decrypted file names who handled the bid for the
-- bidder (TBR 40(二)); the opening rules compare the bids of a round and raise flags, which the committee decides.
alter table bid add column agent varchar(200);

create table collusion_flag (
    id           varchar(36)    not null primary key,
    tender_id    varchar(36)    not null references tender (id),
    round        int            not null,
    -- DEEMED: a TBR 40 / O87 37 case (视为串通投标); JUDGMENT: evidence left to the committee (E7)
    kind         varchar(16)    not null,
    rule_name    varchar(300)   not null,
    citation     varchar(200)   not null,
    -- the bids involved, comma-separated ids
    bid_ids      varchar(2000)  not null,
    evidence     varchar(4000)  not null,
    raised_at    timestamp with time zone not null,
    -- the opening decision that raised it
    decision_id  varchar(36),
    -- the committee's decision: confirmed (the bids are rejected and the case reported) or dismissed, with reasons
    decided_at   timestamp with time zone,
    decided_by   varchar(100),
    confirmed    boolean,
    reason       varchar(4000),
    reported_at  timestamp with time zone
);

create index collusion_flag_tender on collusion_flag (tender_id, round);
create index collusion_flag_reported on collusion_flag (reported_at);
