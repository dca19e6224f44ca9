package org.levelfield.round.model;

import java.util.List;

/**
 * Where a round is in its life. Each status lists what may be done next; anything else is
 * refused with the current status and these actions.
 */
public enum RoundStatus {
    DRAFT(List.of("revise the design (PUT /api/rounds/{id})", "check the design (POST /api/rounds/{id}/design-check)",
            "record partner sign-offs (POST /api/rounds/{id}/partners/{partnerId}/sign-off)",
            "approve the design (POST /api/rounds/{id}/approve-design)", "cancel (POST /api/rounds/{id}/cancel)")),
    DESIGN_APPROVED(List.of("justify warnings (POST /api/rounds/{id}/justifications)", "publish (POST /api/rounds/{id}/publish)",
            "reopen the design (POST /api/rounds/{id}/reopen)", "cancel")),
    PUBLISHED(List.of("submit tenders until the deadline", "close after the deadline (POST /api/rounds/{id}/close)")),
    CLOSED(List.of("score tenders (POST /api/tenders/{id}/scores)")),
    EVALUATION(List.of("score tenders", "compute the award (POST /api/rounds/{id}/award)")),
    MODERATION(List.of("record consensus scores", "cancel")),
    AWARD_PROPOSED(List.of("recompute the award until a lot is decided (POST /api/rounds/{id}/award)",
            "download the award justification (GET /api/rounds/{id}/award/justification.pdf)",
            "record the due-regard record (PUT /api/rounds/{id}/due-regard)",
            "record partner sign-offs of the award (POST /api/rounds/{id}/award/sign-offs/{partnerId})",
            "decide each lot (POST /api/rounds/{id}/lots/{lotId}/decision)",
            "send the assessment summaries (POST /api/rounds/{id}/assessment-summaries)",
            "publish the award notice (POST /api/rounds/{id}/award-notice)", "cancel")),
    STANDSTILL(List.of("wait for the standstill period to end (GET /api/rounds/{id}/award-notice)",
            "record the contract entered into once it has ended (POST /api/rounds/{id}/contract-signed)", "cancel")),
    AWARDED(List.of("nothing: the round has ended")),
    CANCELLED(List.of("nothing: the round was cancelled")),
    ;

    private final List<String> allowedActions;

    RoundStatus(List<String> allowedActions) {
        this.allowedActions = allowedActions;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }

    public boolean isOpenForTenders() {
        return this == PUBLISHED;
    }

    /**
     * The lifecycle as a table: the statuses each status may move to. Any other move is refused.
     * DRAFT -> DESIGN_APPROVED -> PUBLISHED -> CLOSED -> EVALUATION -> (MODERATION ->) AWARD_PROPOSED
     * -> STANDSTILL -> AWARDED; an approved design may be reopened; CANCELLED from anything before AWARDED;
     * a PUBLISHED round may be republished by an amendment.
     */
    public java.util.Set<RoundStatus> next() {
        return switch (this) {
            case DRAFT -> java.util.EnumSet.of(DRAFT, DESIGN_APPROVED, CANCELLED);
            case DESIGN_APPROVED -> java.util.EnumSet.of(DRAFT, PUBLISHED, CANCELLED);
            case PUBLISHED -> java.util.EnumSet.of(PUBLISHED, CLOSED, CANCELLED);
            case CLOSED -> java.util.EnumSet.of(EVALUATION, CANCELLED);
            case EVALUATION -> java.util.EnumSet.of(MODERATION, AWARD_PROPOSED, CANCELLED);
            case MODERATION -> java.util.EnumSet.of(AWARD_PROPOSED, CANCELLED);
            case AWARD_PROPOSED -> java.util.EnumSet.of(EVALUATION, STANDSTILL, CANCELLED);
            case STANDSTILL -> java.util.EnumSet.of(AWARDED, CANCELLED);
            case AWARDED, CANCELLED -> java.util.EnumSet.noneOf(RoundStatus.class);
        };
    }

    public boolean canMoveTo(RoundStatus to) {
        return next().contains(to);
    }

    /** A round can be cancelled, with reasons, from any state before it is awarded. */
    public boolean isCancellable() {
        return this != AWARDED && this != CANCELLED;
    }

    /** Closed to tenders, whatever happened since: evaluation, award, or cancellation after closing. */
    public boolean isPastDeadline() {
        return this != DRAFT && this != DESIGN_APPROVED && this != PUBLISHED;
    }

    public boolean isInEvaluation() {
        return this == CLOSED || this == EVALUATION || this == AWARD_PROPOSED;
    }
}
