-- The impact of a candidate rule set on past decisions (issue 16): the report is all an impact analysis stores.
-- A reload may require one made for the same candidate version.
create table rule_impact_report (
    id                 varchar(36)               not null primary key,
    created_by         varchar(100)              not null,
    created_at         timestamp with time zone  not null,
    candidate_version  varchar(16)               not null,
    parameters         clob                      not null,
    report             clob                      not null
);

-- an impact analysis reads the decisions of a period
create index decision_record_decided on decision_record (decided_at);
