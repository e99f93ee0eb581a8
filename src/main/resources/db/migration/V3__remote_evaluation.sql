-- Remote cross-site evaluation (远程异地评标): partner centres and their venues, agreements between centres,
-- the shared expert pool, and each remote evaluation with its partner requests, draws, seats, link failures,
-- records handed back and compensation. Also what every evaluation now keeps: replaced and dismissed members,
-- objective scores, and the flags raised for the committee's review.

-- Trading centres (交易中心); a centre's staff and machine clients are the members of its Camunda group.
create table centre (
    code         varchar(20)  not null primary key,
    name         varchar(200) not null,
    region_code  varchar(6)   not null,
    group_id     varchar(100) not null unique,
    created_at   timestamp with time zone not null
);

-- Evaluation venues of a centre (评标室) and their seats.
create table venue (
    id           varchar(36)  not null primary key,
    centre_code  varchar(20)  not null references centre (code),
    name         varchar(200) not null,
    seats        integer      not null
);

-- What a main centre and a partner agreed (协作协议, J4, J16): the order of preference and the compensation.
create table centre_agreement (
    id                    varchar(36)  not null primary key,
    main_centre           varchar(20)  not null references centre (code),
    partner_centre        varchar(20)  not null references centre (code),
    priority              integer      not null,
    fee_per_session       decimal(12, 2) not null,
    fee_per_expert        decimal(12, 2) not null,
    valid_from            date         not null,
    valid_to              date,
    terms                 varchar(2000),
    unique (main_centre, partner_centre)
);

-- The shared expert pool (共享专家库): each expert belongs to one centre's pool and sits at that centre's venue.
create table expert (
    id                 varchar(36)  not null primary key,
    user_id            varchar(100) not null unique,
    name               varchar(100) not null,
    id_no              varchar(32)  not null unique,
    centre_code        varchar(20)  not null references centre (code),
    region_code        varchar(6)   not null,
    employer_id        varchar(18),
    employer_name      varchar(300),
    department         varchar(100),
    years_in_field     integer      not null,
    senior_title       boolean      not null,
    created_at         timestamp with time zone not null
);
create table expert_speciality (
    expert_id   varchar(36) not null references expert (id),
    speciality  varchar(40) not null,
    primary key (expert_id, speciality)
);
-- Employment, directorships and control, with their periods (GPR 9: the previous three years).
create table expert_employment (
    id          varchar(36)  not null primary key,
    expert_id   varchar(36)  not null references expert (id),
    party_id    varchar(18)  not null,
    party_name  varchar(300) not null,
    role        varchar(30)  not null,
    start_date  date         not null,
    end_date    date
);
-- Relatives among a party's principals, economic interests (R12 12; GPR 9).
create table expert_relation (
    id          varchar(36)  not null primary key,
    expert_id   varchar(36)  not null references expert (id),
    party_id    varchar(18)  not null,
    kind        varchar(30)  not null,
    note        varchar(2000)
);
-- Administrative or criminal penalties for misconduct in tendering (R12 12(四)).
create table expert_penalty (
    id          varchar(36)  not null primary key,
    expert_id   varchar(36)  not null references expert (id),
    kind        varchar(20)  not null,
    decided_on  date         not null,
    reason      varchar(2000) not null
);
-- Days an expert cannot attend.
create table expert_absence (
    id          varchar(36)  not null primary key,
    expert_id   varchar(36)  not null references expert (id),
    from_date   date         not null,
    to_date     date         not null,
    reason      varchar(500),
    recorded_at timestamp with time zone not null
);

-- One remote evaluation of a tender's round; the main centre is the tender's own.
create table remote_evaluation (
    id                     varchar(36)  not null primary key,
    tender_id              varchar(36)  not null references tender (id),
    round                  integer      not null,
    main_centre            varchar(20)  not null references centre (code),
    process_instance_id    varchar(64),
    settlement_instance_id varchar(64),
    status                 varchar(30)  not null,
    speciality             varchar(40),
    committee_size         integer,
    scheduled_start        timestamp with time zone,
    purchaser_id           varchar(18),
    supervisory_department varchar(100),
    representatives        varchar(2000),
    main_venue_id          varchar(36)  references venue (id),
    main_prepared_at       timestamp with time zone,
    main_prepared_by       varchar(100),
    planned_by             varchar(100),
    planned_at             timestamp with time zone,
    reviewed_at            timestamp with time zone,
    next_seed              varchar(64),
    next_seed_hash         varchar(64),
    next_seed_committed_at timestamp with time zone,
    started_at             timestamp with time zone,
    confirmed_at           timestamp with time zone,
    confirmed_by           varchar(100),
    created_at             timestamp with time zone not null
);
create index remote_evaluation_tender on remote_evaluation (tender_id, round);

-- Requests to partner centres (协作请求), in the order they were asked.
create table remote_partner (
    id              varchar(36)  not null primary key,
    evaluation_id   varchar(36)  not null references remote_evaluation (id),
    centre_code     varchar(20)  not null references centre (code),
    seq             integer      not null,
    status          varchar(20)  not null,
    requested_at    timestamp with time zone,
    answer_due      timestamp with time zone,
    answered_at     timestamp with time zone,
    answered_by     varchar(100),
    reason          varchar(2000),
    venue_id        varchar(36)  references venue (id),
    expert_seats    integer,
    prepared_at     timestamp with time zone,
    prepared_by     varchar(100),
    records_due     timestamp with time zone,
    records_at      timestamp with time zone,
    records_by      varchar(100),
    records_note    varchar(2000),
    reminded_at     timestamp with time zone,
    escalated_at    timestamp with time zone,
    compensation    decimal(12, 2),
    compensation_terms varchar(2000),
    settled_at      timestamp with time zone,
    unique (evaluation_id, centre_code)
);

-- Each draw (抽取): the commitment to the seed before, the seed revealed after, the pool snapshot it ran on.
create table expert_draw (
    id              varchar(36)  not null primary key,
    evaluation_id   varchar(36)  not null references remote_evaluation (id),
    draw_no         integer      not null,
    purpose         varchar(20)  not null,
    seed_hash       varchar(64)  not null,
    seed            varchar(64),
    snapshot        varchar(1000000) not null,
    snapshot_hash   varchar(64)  not null,
    result          varchar(100000),
    committed_at    timestamp with time zone not null,
    drawn_at        timestamp with time zone,
    decision_id     varchar(36),
    unique (evaluation_id, draw_no)
);

-- Experts excluded from a draw, with the reason and the article (G7, G8, G9).
create table draw_exclusion (
    id          bigint generated by default as identity primary key,
    draw_id     varchar(36)  not null references expert_draw (id),
    expert_id   varchar(36)  not null references expert (id),
    rule_name   varchar(300) not null,
    citation    varchar(200) not null,
    reason      varchar(2000) not null
);

-- Seats of the committee: drawn experts at their venues and the tenderer's representatives at the main venue.
-- Names are sealed until the member signs in, witnessed by that venue's clerk.
create table remote_seat (
    id              varchar(36)  not null primary key,
    evaluation_id   varchar(36)  not null references remote_evaluation (id),
    seq             integer      not null,
    venue_id        varchar(36)  not null references venue (id),
    centre_code     varchar(20)  not null references centre (code),
    role            varchar(30)  not null,
    expert_id       varchar(36)  references expert (id),
    user_id         varchar(100) not null,
    draw_id         varchar(36)  references expert_draw (id),
    status          varchar(20)  not null,
    signed_in_at    timestamp with time zone,
    witnessed_by    varchar(100),
    member_id       varchar(36),
    ended_at        timestamp with time zone,
    end_reason      varchar(2000),
    replaced_by     varchar(36),
    replacement_user_id varchar(100)
);
create index remote_seat_evaluation on remote_seat (evaluation_id);

-- Link failures of a venue (J9, J10): when, and how they ended.
create table link_failure (
    id              varchar(36)  not null primary key,
    evaluation_id   varchar(36)  not null references remote_evaluation (id),
    venue_id        varchar(36)  not null references venue (id),
    stage           varchar(20)  not null,
    reported_at     timestamp with time zone not null,
    reported_by     varchar(100) not null,
    description     varchar(2000),
    restored_at     timestamp with time zone,
    decision        varchar(20),
    outcome         varchar(20),
    decided_by      varchar(100),
    sealed_at       timestamp with time zone
);

-- Every evaluation: a member replaced (TBR 48) or a committee dismissed (J9, J10; O87 49) keeps its row,
-- its scores void; the objective part of a score; flags for the committee's review (G1117 (五); O87 64).
alter table committee_member add column ended_at timestamp with time zone;
alter table committee_member add column end_reason varchar(2000);
alter table score add column objective_score decimal(9, 4);
alter table bid add column invalid_stage varchar(16);
update bid set invalid_stage = 'OPENING' where status = 'INVALID';

create table score_flag (
    id            varchar(36)  not null primary key,
    tender_id     varchar(36)  not null references tender (id),
    round         integer      not null,
    bid_id        varchar(36)  not null references bid (id),
    member_id     varchar(36)  references committee_member (id),
    kind          varchar(30)  not null,
    rule_name     varchar(300) not null,
    citation      varchar(200) not null,
    detail        varchar(2000) not null,
    raised_at     timestamp with time zone not null,
    resolved_at   timestamp with time zone,
    resolved_by   varchar(100),
    resolution    varchar(2000)
);
create index score_flag_tender on score_flag (tender_id, round);

-- Reminders and escalations of overdue user tasks (any model): when each was sent.
create table task_notice (
    task_id       varchar(64)  not null primary key,
    reminded_at   timestamp with time zone,
    escalated_at  timestamp with time zone,
    escalated_to  varchar(100)
);
