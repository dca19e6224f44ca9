-- A criterion may assess the bidder's corporate workforce (EQ-09 asks how that links to the contract): the request and
-- its validation accepted it, but this constraint did not, so saving such a round failed.
alter table criterion drop constraint criterion_assesses_check;
alter table criterion add constraint criterion_assesses_check
    check (assesses in ('TENDER', 'BIDDER_HISTORY', 'ASSIGNED_STAFF', 'CORPORATE_WORKFORCE'));
