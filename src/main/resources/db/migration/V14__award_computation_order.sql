-- Records that supersede one another are ordered by when they were stored, not only by their
-- timestamp: two in the same instant (a recompute straight after a decision, a score revised at
-- once) must still have a latest.
alter table award_computation add column seq bigserial not null;
alter table rule_run add column seq bigserial not null;
alter table warning_justification add column seq bigserial not null;
alter table score add column seq bigserial not null;
