-- The exact rule files a round was published under, kept so that it is evaluated with them
-- until it ends, whatever happens to rules/ afterwards.
create table ruleset_snapshot (
    version     text primary key,
    files       jsonb not null,
    stored_at   timestamptz not null
);
