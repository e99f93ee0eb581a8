-- A member may sign the evaluation report with a certificate (docs/certification.md, "Signed reports"): the decision
-- record of that signature's verification is kept with the member's signature.
alter table committee_member add column signature_decision_id varchar(36);
