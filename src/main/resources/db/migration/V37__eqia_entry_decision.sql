-- What the authority decided about an impact it assessed (catalogue SS-01): where a design cuts a group's specialist
-- provision, an EqIA entry with a mitigation and an explicit decision shows the cut was made knowingly.
alter table eqia_entry add column decision text;
