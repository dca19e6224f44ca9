-- A round's design while a commissioner works through its question pages: the answers so far, in the
-- same JSON shape as the API's round command, kept until they are checked and saved as the round (or
-- as a draft round's revised design). One working copy per draft round; a new round's has no round yet.
create table round_design (
    id          uuid primary key,
    round_id    uuid unique references round(id) on delete cascade,
    body        jsonb not null,
    created_by  uuid not null references app_user(id),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
