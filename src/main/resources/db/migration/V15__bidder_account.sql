-- A bidder account acts for one trading entity (市场主体), named by its unified social credit code: its bids,
-- withdrawals, decryptions, e-guarantees and objections are that entity's only. Set by administrators (or the demo
-- data); a full registry of trading entities may later replace this table.
create table bidder_account (
    user_id      varchar(100)              not null primary key,
    credit_code  varchar(18)               not null,
    name         varchar(300)              not null,
    updated_at   timestamp with time zone  not null,
    updated_by   varchar(100)              not null
);
create index bidder_account_credit_code on bidder_account (credit_code);
