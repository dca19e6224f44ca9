-- Further round design (lot reasons, lot limits, consortia, social value, consultation,
-- incumbents) and lot terms (users, restrictions, pricing, full cost, term reasons, specialism),
-- kept as JSON documents beside the round and each lot, read whole with them.
alter table round add column details jsonb not null default '{}'::jsonb;
alter table lot add column terms jsonb not null default '{}'::jsonb;
