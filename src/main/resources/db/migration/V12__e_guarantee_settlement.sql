-- A surrender or claim is asked of the provider after the change that calls for it is committed, and asked again
-- until the provider answers: what is pending, since when, and the last error.
alter table e_guarantee add column pending_action varchar(16);
alter table e_guarantee add column pending_reason varchar(2000);
alter table e_guarantee add column pending_citation varchar(200);
alter table e_guarantee add column pending_since timestamp with time zone;
alter table e_guarantee add column last_error varchar(2000);
