-- A revised tender is a new row; the one it replaces is kept as SUPERSEDED, pointing at its successor.
alter table tender drop constraint tender_status_check;
alter table tender add constraint tender_status_check
    check (status in ('SUBMITTED', 'WITHDRAWN', 'RESUBMISSION_REQUIRED', 'SUPERSEDED'));
alter table tender add column superseded_by uuid references tender(id);
