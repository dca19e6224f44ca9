-- Levelfield foundation schema: accounts, organisations, rounds, tenders, scores, findings, awards, documents.
-- Money is integer pence. History is kept, not overwritten.

create table organisation (
    id                   uuid primary key,
    name                 text not null,
    registration_number  text,
    created_at           timestamptz not null
);

create table app_user (
    id               uuid primary key,
    username         text not null unique,
    display_name     text not null,
    password_hash    text not null,
    role             text not null check (role in ('COMMISSIONER','EVALUATOR','BIDDER','SCRUTINY','ADMIN')),
    organisation_id  uuid references organisation(id),
    created_at       timestamptz not null
);

create table round (
    id                 uuid primary key,
    title              text not null,
    description        text,
    status             text not null,
    commencement_date  date not null,
    tender_deadline    timestamptz not null,
    created_by         uuid not null references app_user(id),
    created_at         timestamptz not null,
    published_at       timestamptz,
    closed_at          timestamptz,
    ruleset_version    text,
    thresholds         jsonb
);

create table round_status_change (
    id           uuid primary key,
    round_id     uuid not null references round(id),
    from_status  text,
    to_status    text not null,
    changed_at   timestamptz not null,
    changed_by   uuid references app_user(id),
    reason       text not null
);
create index round_status_change_round on round_status_change(round_id, changed_at);

create table round_partner (
    id           uuid primary key,
    round_id     uuid not null references round(id),
    position     int not null,
    name         text not null,
    partner_type text not null,
    is_lead      boolean not null
);

create table budget_line (
    id                uuid primary key,
    partner_id        uuid not null references round_partner(id),
    financial_year    text not null,
    amount_pence      bigint not null check (amount_pence >= 0),
    purpose           text
);

create table lot (
    id                        uuid primary key,
    round_id                  uuid not null references round(id),
    position                  int not null,
    title                     text not null,
    value_incl_vat_pence      bigint not null check (value_incl_vat_pence > 0),
    term_months               int not null check (term_months > 0),
    min_turnover_pence        bigint check (min_turnover_pence >= 0),
    turnover_justification    text,
    eligibility_restriction   text,
    reservation_basis         text
);

create table criterion (
    id               uuid primary key,
    lot_id           uuid not null references lot(id),
    position         int not null,
    title            text not null,
    kind             text not null check (kind in ('PRICE','QUALITY','EQUALITY','SOCIAL_VALUE')),
    duty             text check (duty in ('RACE','DISABILITY','SEX','OTHER')),
    weight           numeric(7,3) not null check (weight >= 0),
    descriptors      text,
    word_limit       int
);

create table rule_run (
    id               uuid primary key,
    round_id         uuid not null references round(id),
    stage            text not null,
    ruleset_version  text not null,
    ran_at           timestamptz not null,
    ran_by           uuid references app_user(id),
    outcome          text not null
);

create table finding (
    id             uuid primary key,
    rule_run_id    uuid not null references rule_run(id),
    round_id       uuid not null references round(id),
    position       int not null,
    rule_id        text not null,
    rule_name      text not null,
    severity       text not null check (severity in ('BLOCK','FAIL','WARN','FLAG','INFO')),
    legal_force    text not null check (legal_force in ('L1','L2','L3','L4','L5')),
    citation       text not null,
    subject_type   text not null,
    subject_id     text not null,
    subject_label  text not null,
    message        text not null
);
create index finding_round on finding(round_id);

create table tender (
    id                 uuid primary key,
    round_id           uuid not null references round(id),
    lot_id             uuid not null references lot(id),
    organisation_id    uuid not null references organisation(id),
    status             text not null check (status in ('SUBMITTED','WITHDRAWN')),
    price_pence        bigint not null check (price_pence > 0),
    submitted_at       timestamptz not null,
    submitted_by       uuid not null references app_user(id),
    content_sha256     text not null
);
create unique index tender_one_live_per_lot on tender(lot_id, organisation_id) where status = 'SUBMITTED';

create table tender_answer (
    tender_id     uuid not null references tender(id),
    criterion_id  uuid not null references criterion(id),
    answer        text not null,
    primary key (tender_id, criterion_id)
);

create table score (
    id            uuid primary key,
    tender_id     uuid not null references tender(id),
    criterion_id  uuid not null references criterion(id),
    evaluator_id  uuid not null references app_user(id),
    score         int not null,
    reason        text not null,
    scored_at     timestamptz not null
);
-- A score is never overwritten: a revision is a new row, and the latest row per
-- (tender, criterion, evaluator) is the evaluator's current score.
create index score_current on score(tender_id, criterion_id, evaluator_id, scored_at);

create table award_computation (
    id               uuid primary key,
    round_id         uuid not null references round(id),
    computed_at      timestamptz not null,
    computed_by      uuid not null references app_user(id),
    ruleset_version  text not null,
    rule_run_id      uuid not null references rule_run(id),
    result           jsonb not null
);
create index award_computation_round on award_computation(round_id, computed_at);

create table issued_document (
    id           uuid primary key,
    round_id     uuid not null references round(id),
    kind         text not null,
    file_name    text not null,
    sha256       text not null,
    content      bytea not null,
    issued_at    timestamptz not null,
    issued_by    uuid references app_user(id)
);

create table idempotent_request (
    user_id          uuid not null references app_user(id),
    idempotency_key  text not null,
    request_sha256   text not null,
    response_status  int not null,
    response_body    text not null,
    created_at       timestamptz not null,
    primary key (user_id, idempotency_key)
);
