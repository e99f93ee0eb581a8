-- What a main centre on another platform sent for this centre's experts to do: the bids to score and the most
-- technical points, then the committee's ranking to sign (remote.scoring, remote.report).
alter table partner_engagement add column scoring_sheet clob;
alter table partner_engagement add column report clob;
