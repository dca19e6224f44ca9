-- An organisation's profile, shared by its members: legal form, registration numbers, size,
-- accounts, insurance and experience. Identity (monitoring) data is not kept here.
alter table organisation
    add column legal_form            text,
    add column charity_number        text,
    add column company_number        text,
    add column income_pence          bigint check (income_pence >= 0),
    add column balance_sheet_pence   bigint,
    add column staff_headcount       int check (staff_headcount >= 0),
    add column accounts_type         text,
    add column insurance_held        boolean,
    add column insurance_undertaking boolean,
    add column experience            jsonb not null default '[]'::jsonb,
    add column profile_updated_at    timestamptz;
