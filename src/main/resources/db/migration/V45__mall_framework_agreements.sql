-- The government-procurement e-mall (issue 19; docs/rules.md §N): framework agreements (O110) with their items
-- (maximum unit price) and admitted suppliers, and the orders the rules admitted, whose sums the split-purchase
-- check reads (N7).
create table mall_agreement (
    id                              varchar(36)    primary key,
    agreement_no                    varchar(100)   not null unique,
    name                            varchar(300)   not null,
    kind                            varchar(10)    not null,
    region_code                     varchar(6)     not null,
    category                        varchar(100)   not null,
    quota_kind                      varchar(20)    not null,
    valid_from                      date           not null,
    valid_to                        date           not null,
    second_stage                    varchar(30)    not null,
    secondary_competition_above     decimal(18, 2),
    created_by                      varchar(64)    not null,
    created_at                      timestamp      not null
);

create table mall_agreement_item (
    id                  varchar(36)    primary key,
    agreement_id        varchar(36)    not null references mall_agreement (id),
    category            varchar(100)   not null,
    specification       varchar(1000)  not null,
    max_unit_price      decimal(18, 2) not null
);

create table mall_admitted_supplier (
    agreement_id    varchar(36)   not null references mall_agreement (id),
    credit_code     varchar(18)   not null,
    name            varchar(300)  not null,
    admitted_on     date          not null,
    admitted_by     varchar(64)   not null,
    primary key (agreement_id, credit_code)
);

create table mall_order (
    id              varchar(36)    primary key,
    purchaser       varchar(300)   not null,
    budget_item     varchar(100)   not null,
    budget_year     int            not null,
    agreement_id    varchar(36)    not null references mall_agreement (id),
    category        varchar(100)   not null,
    supplier_code   varchar(18)    not null,
    region_code     varchar(6)     not null,
    amount          decimal(18, 2) not null,
    order_day       date           not null,
    status          varchar(20)    not null,
    decision_id     varchar(36)    not null,
    lines_json      varchar(20000) not null,
    placed_by       varchar(64)    not null,
    placed_at       timestamp      not null
);
create index mall_order_split on mall_order (purchaser, category, budget_item, budget_year);
