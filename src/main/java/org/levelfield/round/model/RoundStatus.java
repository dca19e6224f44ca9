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
    AWARD_PROPOSED(List.of("recompute the award", "download the award justification", "cancel")),
    STANDSTILL(List.of("wait for the standstill period to end", "cancel")),
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

    /** A round can be cancelled, with reasons, from any state before it is awarded. */
    public boolean isCancellable() {
        return this != AWARDED && this != CANCELLED;
    }

    public boolean isInEvaluation() {
        return this == CLOSED || this == EVALUATION || this == AWARD_PROPOSED;
    }
}
