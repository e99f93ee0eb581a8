-- A bond refunded after its due date carries a late fee under government procurement (O87 38): the amount, and the
-- rule that set it.
alter table bid add column late_fee decimal(18, 2);
alter table bid add column late_fee_citation varchar(200);
