-- Bidders (issue 4): membership of more than one organisation, monitoring data kept apart,
-- attachments, draft tenders with consortium and equality evidence, eligibility re-runs and
-- clarifications.

-- One person can belong to more than one organisation. app_user.organisation_id stays as the
-- organisation a person acts for when they do not say otherwise.
create table organisation_member (
    organisation_id  uuid not null references organisation(id),
    user_id          uuid not null references app_user(id),
    added_at         timestamptz not null,
    added_by         uuid references app_user(id),
    primary key (organisation_id, user_id)
);
insert into organisation_member(organisation_id, user_id, added_at)
    select organisation_id, id, created_at from app_user where organisation_id is not null;

-- Monitoring (identity) data: who an organisation is led by and who it serves. Kept in its own
-- table, never joined into profiles, tenders or rule facts; read only in aggregate.
create table organisation_monitoring (
    organisation_id     uuid primary key references organisation(id),
    answers             jsonb not null default '[]'::jsonb,
    profile_flags       text[] not null default '{}',
    consent_to_publish  boolean not null default false,
    updated_at          timestamptz not null,
    updated_by          uuid not null references app_user(id)
);

-- Files a bidder attaches to a tender (commitment letters, evidence). Content and its SHA-256 in
-- PostgreSQL; an attachment is never changed, only superseded by a new one.
create table attachment (
    id               uuid primary key,
    organisation_id  uuid not null references organisation(id),
    file_name        text not null,
    content_type     text not null,
    size_bytes       bigint not null check (size_bytes > 0),
    sha256           text not null,
    content          bytea not null,
    uploaded_at      timestamptz not null,
    uploaded_by      uuid not null references app_user(id)
);
create index attachment_organisation on attachment(organisation_id, uploaded_at);

-- Drafts live in the tender table: no price or receipt yet, never readable by anyone but the
-- bidder's members, one per organisation and lot.
alter table tender drop constraint tender_status_check;
alter table tender add constraint tender_status_check
    check (status in ('DRAFT', 'SUBMITTED', 'WITHDRAWN', 'RESUBMISSION_REQUIRED', 'SUPERSEDED'));
alter table tender alter column price_pence drop not null;
alter table tender alter column submitted_at drop not null;
alter table tender alter column content_sha256 drop not null;
alter table tender add constraint tender_submitted_complete
    check (status = 'DRAFT' or (price_pence is not null and submitted_at is not null and content_sha256 is not null));
alter table tender add column details jsonb not null default '{}'::jsonb;
alter table tender add column created_at timestamptz;
alter table tender add column updated_at timestamptz;
create unique index tender_one_draft_per_lot on tender(lot_id, organisation_id) where status = 'DRAFT';

create table tender_attachment (
    tender_id      uuid not null references tender(id),
    attachment_id  uuid not null references attachment(id),
    primary key (tender_id, attachment_id)
);

-- The eligibility rules (SEL-*) run again at submission and at award, against the profile and
-- declarations as they then stood; each run is kept with what changed since the one before.
create table eligibility_run (
    id               uuid primary key,
    round_id         uuid not null references round(id),
    lot_id           uuid not null references lot(id),
    organisation_id  uuid not null references organisation(id),
    tender_id        uuid references tender(id),
    stage            text not null check (stage in ('SELF_CHECK', 'SUBMISSION', 'AWARD')),
    ran_at           timestamptz not null,
    ruleset_version  text not null,
    can_bid          boolean not null,
    inputs           jsonb not null,
    results          jsonb not null,
    changes          jsonb not null default '[]'::jsonb,
    seq              bigserial not null
);
create index eligibility_run_lot on eligibility_run(lot_id, organisation_id, seq);

-- Clarifications: questions from bidders, answers from the commissioner, published to every
-- bidder without the asker's name. The asker is kept only so they can see their own question.
create table clarification (
    id                   uuid primary key,
    round_id             uuid not null references round(id),
    lot_id               uuid references lot(id),
    question             text not null,
    asked_by_org         uuid not null references organisation(id),
    asked_at             timestamptz not null,
    answer               text,
    answered_by          uuid references app_user(id),
    answered_at          timestamptz,
    sequence             int not null,
    unique (round_id, sequence)
);
