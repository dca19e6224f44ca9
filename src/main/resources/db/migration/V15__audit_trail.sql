-- The audit trail: every state change, score, declaration, finding and decision, appended in order.
-- Each entry carries the SHA-256 of the one before, so a changed or removed entry breaks the chain.
-- The database refuses to update, delete or truncate it.
create table audit_entry (
    seq            bigserial primary key,
    recorded_at    timestamptz not null,
    round_id       uuid,
    actor_id       uuid,
    kind           text not null,
    subject        text not null,
    detail         jsonb not null,
    previous_hash  text not null,
    hash           text not null
);
create index audit_entry_round on audit_entry(round_id, seq);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
