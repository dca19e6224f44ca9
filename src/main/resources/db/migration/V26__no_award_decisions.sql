-- SS-01 at award: a specialist lot left with no compliant tender is decided by a person, from the
-- options the law allows, after the equality analysis is brought up to date. One decision per lot,
-- kept with its reasons; the lot is never merged into another.
create table lot_no_award_decision (
    lot_id          uuid primary key,
    round_id        uuid not null references round(id),
    choice          text not null check (choice in ('RUN_AGAIN', 'DIRECT_AWARD', 'GRANT', 'NOT_PROCEEDING')),
    reasons         text not null check (length(btrim(reasons)) > 0),
    eqia_updated_on date not null,
    decided_by      uuid not null references app_user(id),
    decided_at      timestamptz not null
);
