-- An objection signed with the objecting entity's registered certificate (issue 18; docs/rules.md O4): the decision
-- on its signature (certificate chain, CA recognised in the province, validity, revocation, key usage, the entity).
alter table objection add column signature_decision_id varchar(36);
