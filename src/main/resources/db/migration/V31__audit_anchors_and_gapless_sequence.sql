-- The audit trail's sequence has no gaps from now on: each entry takes the number after the last one, under the
-- appending lock (AuditTrail.append), so a missing number means a removed entry and verify reports it. Numbers a
-- rolled-back transaction took from the old sequence are closed up here once (seq is not part of any hash).
alter table audit_entry disable trigger audit_entry_no_update;
update audit_entry a set seq = -r.n from (select seq, row_number() over (order by seq) as n from audit_entry) r where a.seq = r.seq;
update audit_entry set seq = -seq;
alter table audit_entry enable trigger audit_entry_no_update;
alter table audit_entry alter column seq drop default;

-- Every issued document prints the audit trail's head when it was issued (its entry number and hash) and records it
-- here, so that verify can show the chain still leads through every head that was published.
alter table issued_document add column audit_seq bigint, add column audit_hash text;
