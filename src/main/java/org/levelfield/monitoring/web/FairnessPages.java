package org.levelfield.monitoring.web;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import org.levelfield.award.application.AwardComputations;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.pages.Page;
import org.levelfield.monitoring.FairnessAnalytics;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;

/**
 * The fairness analytics of the latest computed award as a page: pass rates of small against large and of
 * specialist against other bidders, overall and per criterion, as a chart with its table, counts under the
 * round's threshold withheld. The same analysis as {@code GET /api/rounds/{id}/fairness}.
 */
@Controller("/manage/rounds/{roundId}/fairness")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class FairnessPages {

    private final Rounds rounds;
    private final FairnessAnalytics fairness;
    private final AwardComputations computations;

    public FairnessPages(Rounds rounds, FairnessAnalytics fairness, AwardComputations computations) {
        this.rounds = rounds;
        this.fairness = fairness;
        this.computations = computations;
    }

    @Get
    public HttpResponse<?> page(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Fairness analytics: " + round.title());
        model.put("round", round);
        boolean computed = computations.latest(round.id()).isPresent();
        model.put("computed", computed);
        if (computed) {
            model.put("fairness", FairnessView.of(fairness.analyse(round.id())));
        }
        return Page.render("manage/fairness", model);
    }
}
