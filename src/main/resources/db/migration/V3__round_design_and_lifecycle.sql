-- Round design: conditions of participation per lot, the equality impact assessment, partner
-- sign-off, design approval, officer justifications for warnings, and cancellation.

alter table round
    add column design_approved_at  timestamptz,
    add column design_approved_by  uuid references app_user(id),
    add column cancelled_reason    text;

alter table lot
    add column requires_audited_accounts boolean not null default false,
    add column insurance_timing text not null default 'UNDERTAKING_ACCEPTED'
        check (insurance_timing in ('IN_PLACE_BEFORE_AWARD', 'BY_CONTRACT_START', 'UNDERTAKING_ACCEPTED'));

create table eqia (
    id                 uuid primary key,
    round_id           uuid not null references round(id),
    stage              text not null check (stage in ('DESIGN', 'AWARD')),
    assessed_on        date not null,
    relevance          text not null check (relevance in ('HIGH', 'MEDIUM', 'LOW')),
    specialist_impact  text,
    unique (round_id, stage)
);

create table eqia_entry (
    id                     uuid primary key,
    eqia_id                uuid not null references eqia(id) on delete cascade,
    position               int not null,
    characteristic         text not null,
    limb                   text not null,
    evidence               text,
    impact                 text,
    mitigation             text,
    data_gap               text,
    gap_action             text,
    not_applicable_reason  text
);

create table partner_sign_off (
    id              uuid primary key,
    round_id        uuid not null references round(id),
    partner_id      uuid not null references round_partner(id) on delete cascade,
    signatory       text not null,
    signatory_role  text not null,
    signed_at       timestamptz not null,
    recorded_by     uuid not null references app_user(id)
);

create table warning_justification (
    id             uuid primary key,
    round_id       uuid not null references round(id),
    rule_id        text not null,
    subject_id     text not null,
    officer_name   text not null,
    officer_role   text not null,
    justification  text not null,
    recorded_at    timestamptz not null,
    recorded_by    uuid not null references app_user(id)
);
create index warning_justification_round on warning_justification(round_id, rule_id, subject_id);
