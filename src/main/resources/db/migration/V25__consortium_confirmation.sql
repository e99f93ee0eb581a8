-- A consortium bid carries the joint bidding agreement signed by every member (TBL 31; GPL 24): each member the bid
-- names confirms it through its own bidder account before the deadline. A bid replaced needs its members'
-- confirmations again (the agreement goes with the bid file), so they go with the bid row.
create table consortium_confirmation (
    bid_id        varchar(36)               not null references bid (id) on delete cascade,
    member_id     varchar(18)               not null,
    confirmed_by  varchar(100)              not null,
    confirmed_at  timestamp with time zone  not null,
    primary key (bid_id, member_id)
);
