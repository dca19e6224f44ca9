-- Evidence of financial standing other than turnover (catalogue SEL-05): unrestricted reserves, and a funder's letter
-- (who, how much, to when). A bidder short of a lot's turnover figure who offers either is considered, not refused.
alter table organisation add column reserves_pence bigint check (reserves_pence is null or reserves_pence >= 0);
alter table organisation add column funder_letter text;
