-- Reading one round's tenders and scores no longer scans every tender of every round.
create index tender_round on tender(round_id);
-- A document is issued once per version of what it reports: the version key is the SHA-256 of its
-- inputs (for the award justification, the award computation, the design findings and the due-regard
-- record). A later download of the same version serves the stored bytes.
alter table issued_document add column version_key text;
create index issued_document_version on issued_document(round_id, kind, version_key) where version_key is not null;
