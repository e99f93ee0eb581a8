-- The partner's side of a remote evaluation whose main centre runs its own platform (issue 17): what the main
-- centre asked (its signed request), what this centre answered and did, step by step (processes/partner-venue.bpmn).
create table partner_engagement (
    id                  varchar(36)               not null primary key,
    main_centre         varchar(32)               not null references peer (centre_code),
    evaluation_ref      varchar(36)               not null,
    process_instance_id varchar(64),
    status              varchar(20)               not null,
    tender_title        varchar(300),
    regime              varchar(40),
    speciality          varchar(40),
    expert_seats        integer                   not null,
    evaluation_start    timestamp with time zone  not null,
    answer_due          timestamp with time zone  not null,
    avoidance           clob                      not null,
    requested_at        timestamp with time zone  not null,
    venue_id            varchar(36)               references venue (id),
    answered_at         timestamp with time zone,
    answered_by         varchar(100),
    reason              varchar(2000),
    prepared_at         timestamp with time zone,
    prepared_by         varchar(100),
    unique (main_centre, evaluation_ref)
);
