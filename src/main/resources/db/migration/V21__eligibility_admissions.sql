-- A tender that fails an eligibility rule when checked again at award is out of the award, unless
-- the commissioner records why it stays in (self-cleaning evidence, a consortium member replaced
-- as the documents allowed, a discretionary decision): one decision per tender and rule, kept.
create table eligibility_admission (
    tender_id   uuid not null references tender(id),
    rule_id     text not null check (rule_id ~ '^SEL-[0-9]{2}$'),
    basis       text not null check (basis in ('SELF_CLEANING', 'MEMBER_REPLACED', 'DISCRETIONARY_DECISION', 'CONDITION_MET_OTHERWISE')),
    reasons     text not null check (length(btrim(reasons)) > 0),
    decided_by  uuid not null references app_user(id),
    decided_at  timestamptz not null,
    primary key (tender_id, rule_id)
);
