-- A confirmed collusion case is reported to the authority the rules name: the finance department under government
-- procurement (O87 36), the supervising department under the Tendering Law. Cases reported before this column
-- existed went to the supervisor.
alter table collusion_flag add column reported_to varchar(64);
alter table collusion_flag add column report_citation varchar(200);
update collusion_flag set reported_to = 'supervisor' where reported_at is not null;
create index collusion_flag_reported_to on collusion_flag (reported_to, reported_at);
