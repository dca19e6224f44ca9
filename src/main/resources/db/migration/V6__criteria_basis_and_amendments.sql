-- What each award criterion assesses and how social value is scored (RD-12, SS-09); criteria
-- amendments after publication (RD-27), with superseded criteria kept for the record; notices to
-- bidders whose tenders must be resubmitted.
alter table criterion
    add column assesses text not null default 'TENDER' check (assesses in ('TENDER', 'BIDDER_HISTORY', 'ASSIGNED_STAFF')),
    add column scoring_basis text check (scoring_basis in ('COMMITMENT', 'STATUS')),
    add column superseded_at timestamptz;

alter table tender drop constraint tender_status_check;
alter table tender add constraint tender_status_check check (status in ('SUBMITTED', 'WITHDRAWN', 'RESUBMISSION_REQUIRED'));

create table round_amendment (
    id               uuid primary key,
    round_id         uuid not null references round(id),
    made_at          timestamptz not null,
    made_by          uuid not null references app_user(id),
    reason           text not null,
    deadline_before  timestamptz not null,
    deadline_after   timestamptz not null,
    lots_changed     jsonb not null
);

create table bidder_notice (
    id               uuid primary key,
    round_id         uuid not null references round(id),
    organisation_id  uuid not null references organisation(id),
    tender_id        uuid references tender(id),
    sent_at          timestamptz not null,
    message          text not null
);
create index bidder_notice_organisation on bidder_notice(organisation_id, sent_at);
