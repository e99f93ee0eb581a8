-- What a tender's documents require of a bidder (issue 18; docs/rules.md O2, O3): the qualification's kind and lowest
-- grade, a registered project manager of a speciality, performance (kind, count, lowest amount, period in years).
-- Set by the tenderer until bidding opens; the rules of rules/qualification check bids against the registry.
create table bidder_requirement (
    tender_id               varchar(36)               not null primary key references tender (id),
    qualification_kind      varchar(100),
    qualification_grade     varchar(20),
    manager_speciality      varchar(50),
    performance_kind        varchar(100),
    performance_count       integer,
    performance_min_amount  decimal(18, 2),
    performance_years       integer,
    set_by                  varchar(100)              not null,
    set_at                  timestamp with time zone  not null
);
