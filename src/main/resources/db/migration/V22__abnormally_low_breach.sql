-- SC-08: whether the decision found that the low price comes from not meeting obligations in
-- environmental, social or labour law (PCR 2015 reg 69(5) and reg 18(2)): under PCR 2015 such a
-- tender must be rejected. Null on decisions recorded before this was asked.
alter table abnormally_low_process add column breach_of_obligations boolean;
