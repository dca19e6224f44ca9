-- The service connects as the ordinary role levelfield_app (common/database/ServiceRole makes it before migrating).
-- It may read and change the service's tables, but on the audit trail only add and read: no UPDATE, DELETE or
-- TRUNCATE, and as it owns nothing it cannot switch the triggers off. Tables made by later migrations get the same.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'levelfield_app') then
        execute 'grant usage on schema public to levelfield_app';
        execute 'grant select, insert, update, delete on all tables in schema public to levelfield_app';
        execute 'revoke update, delete, truncate on audit_entry from levelfield_app';
        execute 'revoke insert, update, delete, truncate on flyway_schema_history from levelfield_app';
        execute 'grant usage, select on all sequences in schema public to levelfield_app';
        execute 'alter default privileges in schema public grant select, insert, update, delete on tables to levelfield_app';
        execute 'alter default privileges in schema public grant usage, select on sequences to levelfield_app';
    end if;
end
$$;
