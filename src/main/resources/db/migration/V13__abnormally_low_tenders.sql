-- SC-08: the abnormally-low-tender process. A flagged tender's bidder is notified and asked to
-- explain; the commissioner then accepts the explanation or disregards the tender, with reasons.
-- A tender can only be disregarded once the bidder was notified and has responded.
create table abnormally_low_process (
    tender_id        uuid primary key references tender(id),
    notified_at      timestamptz not null,
    notified_by      uuid not null references app_user(id),
    question         text not null,
    response         text,
    responded_at     timestamptz,
    responded_by     uuid references app_user(id),
    decision         text check (decision in ('ACCEPTED', 'DISREGARDED')),
    decision_reason  text,
    decided_at       timestamptz,
    decided_by       uuid references app_user(id),
    check (decision is null or (decision_reason is not null and decided_at is not null)),
    check (decision is distinct from 'DISREGARDED' or response is not null)
);
