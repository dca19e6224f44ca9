-- The set of procurement rules that governed the award notice (REG-03, REG-04, REG-05): a covered procurement, a
-- round below the threshold, one wholly under the Provider Selection Regime, or a grant. Notices recorded before
-- this were all checked as covered procurements.
alter table award_notice add column scope text not null default 'COVERED'
    check (scope in ('COVERED', 'BELOW_THRESHOLD', 'PSR', 'GRANT'));
alter table award_notice add column scope_reason text;
