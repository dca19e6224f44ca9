-- What each assessment summary said, kept with it, so that the bidder's web page shows exactly the
-- content of the PDF it was sent (summaries sent before this change have only the PDF).
alter table assessment_summary add column content jsonb;
