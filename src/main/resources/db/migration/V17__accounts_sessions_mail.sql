-- Real accounts: email addresses and status, sessions that can be ended, single-use links
-- (invitations, email confirmation, password reset), sign-in attempts for throttling, and the
-- outbox every email goes through.

alter table app_user
    add column email              text,
    add column status             text not null default 'ACTIVE' check (status in ('ACTIVE','UNCONFIRMED','DISABLED')),
    add column email_confirmed_at timestamptz,
    add column password_changed_at timestamptz,
    -- Where the person signs in: LOCAL (a password here) or the name of a configured identity provider.
    add column identity_provider  text not null default 'LOCAL';
create unique index app_user_email on app_user(lower(email)) where email is not null;
alter table app_user alter column password_hash drop not null;
alter table app_user add constraint app_user_local_has_password check (identity_provider <> 'LOCAL' or password_hash is not null);

-- A signed-in session. A token names its session; the session must be open, unexpired and its
-- account active on every request.
create table user_session (
    id           uuid primary key,
    user_id      uuid not null references app_user(id) on delete cascade,
    started_at   timestamptz not null,
    expires_at   timestamptz not null,
    ended_at     timestamptz,
    ended_reason text,
    address      text
);
create index user_session_open on user_session(user_id) where ended_at is null;

-- Single-use links sent by email. Only the SHA-256 of the secret in the link is kept.
create table account_link (
    id              uuid primary key,
    purpose         text not null check (purpose in ('STAFF_INVITATION','MEMBER_INVITATION','CONFIRM_EMAIL','PASSWORD_RESET')),
    secret_sha256   text not null unique,
    email           text not null,
    role            text check (role in ('COMMISSIONER','EVALUATOR','BIDDER','SCRUTINY','ADMIN')),
    organisation_id uuid references organisation(id),
    user_id         uuid references app_user(id) on delete cascade,
    created_by      uuid references app_user(id) on delete set null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    withdrawn_at    timestamptz
);
create index account_link_email on account_link(lower(email), purpose);

-- Every sign-in attempt, for throttling by account and by address. The account key is a SHA-256
-- of what was typed, so a password typed into the wrong box is never kept.
create table sign_in_attempt (
    id           bigserial primary key,
    attempted_at timestamptz not null,
    account_key  text not null,
    address      text not null,
    succeeded    boolean not null
);
create index sign_in_attempt_account on sign_in_attempt(account_key, attempted_at);
create index sign_in_attempt_address on sign_in_attempt(address, attempted_at);

-- Every email, written in the same transaction as the change that caused it; a sender delivers
-- it and retries until the mail server accepts it.
create table outbox_message (
    id              uuid primary key,
    created_at      timestamptz not null,
    recipient       text not null,
    subject         text not null,
    body            text not null,
    kind            text not null,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text
);
create index outbox_message_pending on outbox_message(next_attempt_at) where sent_at is null;

-- A registration number belongs to one organisation.
create unique index organisation_registration_number on organisation(upper(registration_number)) where registration_number is not null;
create unique index organisation_charity_number on organisation(upper(charity_number)) where charity_number is not null;
create unique index organisation_company_number on organisation(upper(company_number)) where company_number is not null;
