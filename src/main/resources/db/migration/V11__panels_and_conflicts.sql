-- Evaluation panels and conflicts of interest (issue 5). Appointments and declarations are kept,
-- never overwritten: a removal is recorded on the appointment, a changed declaration is a new row.

create table panel_member (
    id              uuid primary key,
    round_id        uuid not null references round(id),
    lot_id          uuid not null references lot(id),
    evaluator_id    uuid not null references app_user(id),
    appointed_at    timestamptz not null,
    appointed_by    uuid not null references app_user(id),
    removed_at      timestamptz,
    removed_by      uuid references app_user(id),
    removal_reason  text
);
create unique index panel_member_current on panel_member(lot_id, evaluator_id) where removed_at is null;

create table conflict_declaration (
    id               uuid primary key,
    round_id         uuid not null references round(id),
    evaluator_id     uuid not null references app_user(id),
    organisation_id  uuid not null references organisation(id),
    conflicted       boolean not null,
    nature           text,
    declared_at      timestamptz not null,
    seq              bigserial not null,
    check (not conflicted or nature is not null)
);
create index conflict_declaration_current on conflict_declaration(round_id, evaluator_id, organisation_id, seq);

-- A conflict found after scoring quarantines the evaluator's scores for that bidder (SC-04): the
-- rows stay, marked, and no longer count.
alter table score add column quarantined_at timestamptz;
alter table score add column quarantine_reason text;
