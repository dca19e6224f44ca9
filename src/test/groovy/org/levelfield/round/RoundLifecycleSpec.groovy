package org.levelfield.round

import org.levelfield.round.model.RoundStatus
import spock.lang.Specification

import static org.levelfield.round.model.RoundStatus.*

/** The lifecycle is an explicit table: only the moves it lists are possible. */
class RoundLifecycleSpec extends Specification {

    def "#from may move to #to: #allowed"() {
        expect:
        from.canMoveTo(to) == allowed

        where:
        from            | to              || allowed
        DRAFT           | DESIGN_APPROVED || true
        DRAFT           | PUBLISHED       || false
        DESIGN_APPROVED | PUBLISHED       || true
        DESIGN_APPROVED | DRAFT           || true
        PUBLISHED       | CLOSED          || true
        PUBLISHED       | DRAFT           || false
        CLOSED          | PUBLISHED       || false
        EVALUATION      | AWARD_PROPOSED  || true
        STANDSTILL      | AWARDED         || true
        AWARDED         | CANCELLED       || false
        CANCELLED       | DRAFT           || false
    }

    def "every status before AWARDED can be cancelled, and no other"() {
        expect:
        RoundStatus.values().findAll { it.canMoveTo(CANCELLED) } as Set ==
                [DRAFT, DESIGN_APPROVED, PUBLISHED, CLOSED, EVALUATION, MODERATION, AWARD_PROPOSED, STANDSTILL] as Set
        RoundStatus.values().findAll { it.isCancellable() } as Set == RoundStatus.values().findAll { it.canMoveTo(CANCELLED) } as Set
    }
}
