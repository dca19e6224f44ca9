package org.levelfield.round.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.identity.Actor;
import org.levelfield.round.application.PublishedAnswers;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * Rounds as anyone can read them, without signing in: the open rounds, and a round's page with
 * everything published about it (PA 2023 s23(3): the award criteria, their weights and how they are
 * assessed, and any disqualifying minimum), its conditions of participation, key dates and the
 * clarifications answered so far.
 */
@Controller("/rounds")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class RoundPages {

    private final Rounds rounds;
    private final PublishedAnswers clarifications;
    private final Clock clock;

    public RoundPages(Rounds rounds, PublishedAnswers clarifications, Clock clock) {
        this.rounds = rounds;
        this.clarifications = clarifications;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> list() {
        var now = clock.instant();
        List<Round> published = rounds.all().stream().filter(RoundPages::isPublic)
                .sorted(Comparator.comparing(Round::tenderDeadline)).toList();
        Map<String, Object> model = Page.model("Find a round");
        model.put("open", published.stream().filter(r -> r.status() == RoundStatus.PUBLISHED && !r.isPastDeadline(now)).toList());
        model.put("partnerNames", published.stream().collect(java.util.stream.Collectors.toMap(Round::id,
                r -> String.join(", ", r.partners().stream().map(org.levelfield.round.model.Partner::name).toList()))));
        model.put("closed", published.stream().filter(r -> !(r.status() == RoundStatus.PUBLISHED && !r.isPastDeadline(now))).toList());
        return Page.render("round/list", model);
    }

    @Get("/{id}")
    public HttpResponse<?> round(String id, @Nullable Authentication authentication) {
        Round round = publicRound(id);
        Map<String, Object> model = Page.model(round.title());
        model.put("round", round);
        model.put("open", round.status() == RoundStatus.PUBLISHED && !round.isPastDeadline(clock.instant()));
        model.put("clarifications", clarifications.answeredFor(round.id()));
        model.put("limits", rounds.frozenThresholds(round.id()).orElse(null));
        model.put("bidder", authentication != null && Actor.of(authentication).organisationId() != null);
        return Page.render("round/round", model);
    }

    /** A round anyone may read: published or later, never a draft. An id that is not a UUID is simply not found. */
    public Round publicRound(String id) {
        UUID roundId;
        try {
            roundId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("round", id);
        }
        return rounds.find(roundId).filter(RoundPages::isPublic).orElseThrow(() -> ProblemException.notFound("round", id));
    }

    static boolean isPublic(Round r) {
        return r.status() != RoundStatus.DRAFT && r.status() != RoundStatus.DESIGN_APPROVED;
    }
}
