package org.levelfield.round.model;

import java.util.List;

/**
 * Where a round is in its life. Each status lists what may be done next; anything else is
 * refused with the current status and these actions.
 */
public enum RoundStatus {
    DRAFT(List.of("revise the design (PUT /api/rounds/{id})", "check the design (POST /api/rounds/{id}/design-check)", "publish (POST /api/rounds/{id}/publish)")),
    PUBLISHED(List.of("submit tenders until the deadline", "close after the deadline (POST /api/rounds/{id}/close)")),
    CLOSED(List.of("score tenders (POST /api/tenders/{id}/scores)")),
    EVALUATION(List.of("score tenders", "compute the award (POST /api/rounds/{id}/award)")),
    AWARD_PROPOSED(List.of("recompute the award", "download the award justification")),
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

    public boolean isInEvaluation() {
        return this == CLOSED || this == EVALUATION || this == AWARD_PROPOSED;
    }
}
