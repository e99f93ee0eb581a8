-- The joint draw between platforms (issue 17): each party's commitment (pool hash, share hash) and, once revealed,
-- its snapshot and share; this deployment's own part is held from its commitment on and shown to nobody until it is
-- revealed. Both sides keep the same rows for the main side's evaluation, so either re-runs the draw on its own.
create table joint_draw_party (
    evaluation_ref  varchar(36)               not null,
    draw_no         integer                   not null,
    centre_code     varchar(32)               not null,
    pool_hash       varchar(64)               not null,
    share_hash      varchar(64)               not null,
    snapshot        clob,
    share           varchar(64),
    own             boolean                   not null,
    committed_at    timestamp with time zone  not null,
    revealed_at     timestamp with time zone,
    primary key (evaluation_ref, draw_no, centre_code)
);

-- A partner's seats in the main side's committee, drawn from its own pool by the joint draw; the names stay here
-- until sign-in.
create table partner_seat (
    engagement_id   varchar(36)  not null references partner_engagement (id),
    seat_no         integer      not null,
    expert_id       varchar(36)  not null references expert (id),
    draw_no         integer      not null,
    status          varchar(20)  not null,
    primary key (engagement_id, seat_no)
);

-- a draw of the main side's experts that is its part of a joint draw: re-run with every party's reveal
alter table expert_draw add column joint boolean default false not null;
