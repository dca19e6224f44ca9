-- SC-02 / AW-03: an evaluator's reason that restates the descriptor or cites nothing in the tender
-- is rewritten by that evaluator before the assessment summaries are sent. The score is unchanged
-- and the original reason is kept (in the score row and here); the newest rewrite is the one shown.
create table score_reason_rewrite (
    tender_id       uuid not null references tender(id),
    criterion_id    uuid not null,
    evaluator_id    uuid not null references app_user(id),
    original_reason text not null,
    reason          text not null check (length(btrim(reason)) > 0),
    rewritten_at    timestamptz not null,
    primary key (tender_id, criterion_id, evaluator_id, rewritten_at)
);
