-- Whether an organisation is part of a group, or has linked or partner enterprises, and the group's parent (catalogue
-- SEL-10): the SME classification is then for a person to check against the group's figures.
alter table organisation add column linked_enterprises boolean;
alter table organisation add column group_parent text;
