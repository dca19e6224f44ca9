-- Sub-criteria (RD-09, EQ-05): a criterion may be divided into parts scored separately, such as an
-- equality criterion's race, disability and sex sub-criteria. A sub-criterion names its criterion and
-- keeps its weight exactly as a fraction of points ("10/3"); the numeric weight is that value rounded.
alter table criterion
    add column parent_id  uuid references criterion(id),
    add column sub_weight text;
