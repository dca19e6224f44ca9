-- Past decisions entered by the scrutiny panel as records (a past round cannot be run live), and the reviews of each
-- under the law of its own dates. A record is kept exactly as entered: the service's role may add and read records,
-- never change or remove them. A review's findings are stored apart, beside the record.
create table past_decision (
    id            uuid primary key,
    title         text not null,
    decision_date date not null,
    record        jsonb not null,
    imported_at   timestamptz not null,
    imported_by   uuid not null references app_user(id)
);

create table past_decision_review (
    id               uuid primary key,
    past_decision_id uuid not null references past_decision(id),
    reviewed_at      timestamptz not null,
    reviewed_by      uuid not null references app_user(id),
    ruleset_version  text not null,
    design_date      date not null,
    decision_date    date not null,
    design_findings  jsonb not null,
    scoring_findings jsonb not null
);
create index past_decision_review_of on past_decision_review(past_decision_id, reviewed_at);

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'levelfield_app') then
        execute 'revoke update, delete, truncate on past_decision from levelfield_app';
        execute 'revoke update, delete, truncate on past_decision_review from levelfield_app';
    end if;
end
$$;
