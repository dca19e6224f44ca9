-- Reasonable adjustments asked for by bidders (Equality Act 2010 s20, s149) and how the commissioner answered.
create table adjustment_request (
    id               uuid primary key,
    round_id         uuid not null references round(id),
    organisation_id  uuid not null references organisation(id),
    asked_by         uuid not null references app_user(id),
    kinds            text[] not null,
    details          text not null,
    needed_by        date,
    asked_at         timestamptz not null,
    decision         text check (decision in ('AGREED', 'PARTLY_AGREED', 'REFUSED')),
    answer           text,
    answered_by      uuid references app_user(id),
    answered_at      timestamptz,
    new_deadline     timestamptz
);
create index adjustment_request_round on adjustment_request(round_id);
