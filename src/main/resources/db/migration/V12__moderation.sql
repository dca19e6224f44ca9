-- Moderation (SC-03): where evaluators' scores on a criterion spread too far, a consensus score and
-- its reason are recorded. The evaluators' own scores are kept and shown beside it; a later
-- consensus for the same criterion supersedes an earlier one, which is kept.
create table consensus_score (
    id            uuid primary key,
    tender_id     uuid not null references tender(id),
    criterion_id  uuid not null references criterion(id),
    score         int not null,
    reason        text not null,
    recorded_by   uuid not null references app_user(id),
    recorded_at   timestamptz not null,
    seq           bigserial not null
);
create index consensus_score_current on consensus_score(tender_id, criterion_id, seq);
