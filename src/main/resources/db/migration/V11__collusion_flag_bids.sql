-- A flag over a shared property can cover many bids (a public terminal's machine code): room for all their ids.
alter table collusion_flag alter column bid_ids set data type varchar(40000);
