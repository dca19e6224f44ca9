-- SC-12: an evaluator may set out a score's reason as points, each naming the published criterion or
-- sub-criterion it addresses ({"point": ..., "addresses": "<criterion id>"}), or none where it relies on
-- something the lot did not publish; such a point blocks the award until the score is given again.
alter table score add column points jsonb not null default '[]';
