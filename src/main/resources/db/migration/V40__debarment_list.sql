-- Entries of the central debarment list (Procurement Act 2023 s62) as the authority records them from the published
-- list: who, by which registration number, on which exclusion ground, mandatory or discretionary, from when and until
-- when the Minister expects the ground to cease to apply. SEL-01 reads the entries in force for each organisation in a
-- bid. An entry is never deleted: one taken off the list (s64 review, s65 appeal, or its end) is marked removed, with why.
create table debarment_entry (
    id                  uuid primary key,
    supplier_name       text not null,
    registration_number text not null,
    matched_number      text not null,
    exclusion_ground    text not null,
    mandatory           boolean not null,
    entered_on          date not null,
    ceases_on           date,
    reference           text,
    recorded_at         timestamptz not null,
    recorded_by         uuid,
    removed_at          timestamptz,
    removed_by          uuid,
    removal_reason      text,
    check (ceases_on is null or ceases_on >= entered_on)
);
create index debarment_entry_matched on debarment_entry (matched_number);
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'levelfield_app') then
        execute 'revoke delete, truncate on debarment_entry from levelfield_app';
    end if;
end $$;
