package org.levelfield.tender.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * Where a tender page is: a lot of a published round, the signed-in member of a bidding
 * organisation working on it, and whether the lot is still open for tenders (shared by the tender
 * pages and the partner pages).
 */
@Singleton
class TenderPlaces {

    /** A lot of a published round, and the signed-in member of a bidding organisation working on it. */
    record Place(Round round, Lot lot, Actor actor, boolean open, String base) {
    }

    private final Rounds rounds;
    private final Labels labels;
    private final Clock clock;

    TenderPlaces(Rounds rounds, Labels labels, Clock clock) {
        this.rounds = rounds;
        this.labels = labels;
        this.clock = clock;
    }

    Place place(String roundId, String lotId, Authentication authentication, HttpRequest<?> request) {
        Actor actor = Page.member(authentication, request);
        Round round;
        Lot lot;
        try {
            round = rounds.find(UUID.fromString(roundId)).filter(r -> r.status() != RoundStatus.DRAFT && r.status() != RoundStatus.DESIGN_APPROVED)
                    .orElseThrow(() -> ProblemException.notFound("round", roundId));
            lot = round.lot(UUID.fromString(lotId)).orElseThrow(() -> ProblemException.notFound("lot", lotId));
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("lot", lotId);
        }
        boolean open = round.status() == RoundStatus.PUBLISHED && !round.isPastDeadline(clock.instant());
        return new Place(round, lot, actor, open, "/rounds/" + round.id() + "/lots/" + lot.id() + "/tender");
    }

    Map<String, Object> model(Place p, String title) {
        Map<String, Object> model = Page.model(title);
        model.put("round", p.round());
        model.put("lot", p.lot());
        model.put("base", p.base());
        model.put("open", p.open());
        return model;
    }

    /** Refuses a change once the lot has closed: nothing is saved after the deadline. */
    void requireOpen(Place p) {
        if (!p.open()) {
            throw ProblemException.wrongState("Tenders for this lot closed at " + labels.dateTime(p.round().tenderDeadline())
                    + ". Nothing was saved.", p.round().status().name(), List.of());
        }
    }
}
