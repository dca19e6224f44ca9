-- What an organisation shows of its equality practice (catalogue SEL-03): a formal policy, a short statement of practice
-- (enough for micro and small organisations) or neither; and whether the EHRC has investigated it or taken enforcement
-- action in the last 3 years.
alter table organisation add column equality_evidence text check (equality_evidence in ('POLICY', 'STATEMENT', 'NONE'));
alter table organisation add column ehrc_action boolean;
