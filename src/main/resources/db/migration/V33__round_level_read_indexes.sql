-- Indexes for the reads a round's pages, reports and checks make by round, lot, run or tender (each was a scan of the
-- whole table): found by listing every foreign key with no index leading with its column.
create index lot_round on lot(round_id);
create index criterion_lot on criterion(lot_id);
create index round_partner_round on round_partner(round_id);
create index budget_line_partner on budget_line(partner_id);
create index rule_run_round on rule_run(round_id, stage, ran_at);
create index finding_run on finding(rule_run_id);
create index eligibility_run_round on eligibility_run(round_id);
create index eligibility_run_tender on eligibility_run(tender_id) where tender_id is not null;
create index panel_member_round on panel_member(round_id);
create index partner_sign_off_round on partner_sign_off(round_id);
create index award_decision_round on award_decision(round_id);
create index award_sign_off_round on award_sign_off(round_id);
create index assessment_summary_round on assessment_summary(round_id);
create index bidder_notice_round on bidder_notice(round_id);
create index round_amendment_round on round_amendment(round_id);
create index lot_no_award_decision_round on lot_no_award_decision(round_id);
create index clarification_lot on clarification(lot_id);
create index eqia_entry_eqia on eqia_entry(eqia_id);
create index tender_organisation on tender(organisation_id);
create index tender_attachment_attachment on tender_attachment(attachment_id);
create index organisation_member_user on organisation_member(user_id);
create index app_user_organisation on app_user(organisation_id);
create index issued_document_round on issued_document(round_id, issued_at);
create index issued_document_sha256 on issued_document(sha256);
