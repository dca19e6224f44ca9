-- The three needs of advancing equality of opportunity (Equality Act 2010 s149(3)), recorded on an EqIA entry for the
-- ADVANCE_EQUALITY limb: removing or minimising disadvantage, meeting different needs, encouraging participation (RD-02).
alter table eqia_entry add column disadvantage text;
alter table eqia_entry add column different_needs text;
alter table eqia_entry add column participation text;
