-- The award decision (issue 6): the due-regard record the decision rests on, each funding
-- partner's sign-off of the proposed award, one decision per lot, the assessment summary sent to
-- each bidder, and the contract award notice with its standstill and the contract's signing.

-- Every version of the due-regard record is kept; the latest (highest seq) is in force.
create table due_regard_record (
    id           uuid primary key,
    round_id     uuid not null references round(id),
    content      jsonb not null,
    recorded_at  timestamptz not null,
    recorded_by  uuid not null references app_user(id),
    seq          bigserial not null
);
create index due_regard_record_current on due_regard_record(round_id, seq);

-- A partner signs off one award computation; a recomputed award needs signing off again.
create table award_sign_off (
    id              uuid primary key,
    round_id        uuid not null references round(id),
    partner_id      uuid not null references round_partner(id),
    computation_id  uuid not null references award_computation(id),
    signatory       text not null,
    signatory_role  text not null,
    signed_at       timestamptz not null,
    recorded_by     uuid not null references app_user(id),
    unique (partner_id, computation_id)
);

-- One decision per lot, ever: a second award for the same lot is refused by the unique key too.
create table award_decision (
    id                  uuid primary key,
    round_id            uuid not null references round(id),
    lot_id              uuid not null unique references lot(id),
    winner_tender_id    uuid not null references tender(id),
    computation_id      uuid not null references award_computation(id),
    record_id           uuid not null references due_regard_record(id),
    report_document_id  uuid not null references issued_document(id),
    decision_maker      text not null,
    decision_maker_role text not null,
    decided_on          date not null,
    rule_run_id         uuid not null references rule_run(id),
    recorded_at         timestamptz not null,
    recorded_by         uuid not null references app_user(id)
);

create table assessment_summary (
    tender_id    uuid primary key references tender(id),
    round_id     uuid not null references round(id),
    document_id  uuid not null references issued_document(id),
    sent_at      timestamptz not null,
    sent_by      uuid not null references app_user(id)
);

create table award_notice (
    round_id            uuid primary key references round(id),
    published_on        date not null,
    regime              text not null,
    mandatory           boolean not null,
    voluntary           boolean not null,
    last_day            date,
    contract_from       date not null,
    standstill          jsonb not null,
    recorded_at         timestamptz not null,
    recorded_by         uuid not null references app_user(id),
    contract_signed_on  date,
    signed_recorded_at  timestamptz,
    signed_recorded_by  uuid references app_user(id)
);
