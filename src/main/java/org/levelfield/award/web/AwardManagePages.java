package org.levelfield.award.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.award.application.AwardComputations;
import org.levelfield.award.application.AwardResult;
import org.levelfield.award.application.ComputingAward;
import org.levelfield.award.report.AwardJustification;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Outcome;
import org.levelfield.rules.model.Severity;

/**
 * The commissioner's award page: compute the award (or read why it cannot be), then per lot the ranking
 * with each tender's criterion scores, consensus, caps and gateway results, every scoring finding, the
 * robustness check as a chart with its table, and the award justification to download with its SHA-256.
 */
@Controller("/manage/rounds/{roundId}/award")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class AwardManagePages {

    private final ComputingAward computing;
    private final AwardComputations computations;
    private final AwardJustification justification;
    private final Rounds rounds;

    public AwardManagePages(ComputingAward computing, AwardComputations computations, AwardJustification justification, Rounds rounds) {
        this.computing = computing;
        this.computations = computations;
        this.justification = justification;
        this.rounds = rounds;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> page(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        return Page.render("manage/award", model(round, actor, Page.model("Award: " + round.title())));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> compute(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Award: " + round.title());
        try {
            Form.read(request, body);
            Outcome<AwardResult> outcome = computing.compute(round.id(), actor);
            if (outcome instanceof Outcome.Refused<AwardResult> refused) {
                List<Finding> blocking = refused.verdict().refusing();
                Page.error(model, "compute", "The award cannot be computed while " + blocking.size() + (blocking.size() == 1 ? " finding blocks" : " findings block")
                        + " it. Each is listed under 'What stops the award'.");
                model.put("blocking", blocking);
                model.put("moderationNeeded", blocking.stream().anyMatch(f -> f.ruleId().equals("SC-03")));
                model.put("priceNeeded", blocking.stream().anyMatch(f -> f.ruleId().equals("SC-08")));
                return Page.render("manage/award", model(rounds.named(roundId), actor, model));
            }
            return Page.redirect("/manage/rounds/" + round.id() + "/award?computed=yes");
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> "compute");
            return Page.render("manage/award", model(rounds.named(roundId), actor, model));
        }
    }

    /** The award justification as issued (once per version of what it says). */
    @Get(value = "/justification.pdf", produces = "application/pdf")
    public HttpResponse<?> justificationPdf(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        requireComputed(round);
        return justification.issue(round.id(), actor).asDownload();
    }

    /** The public version of the award justification (losing prices, evaluators' names and conflicts left out), as issued. */
    @Get(value = "/justification-public.pdf", produces = "application/pdf")
    public HttpResponse<?> publicJustificationPdf(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        requireComputed(round);
        return justification.issuePublic(round.id(), actor).asDownload();
    }

    private Map<String, Object> model(Round round, Actor actor, Map<String, Object> model) {
        model.put("round", round);
        model.put("computed", false);
        model.putIfAbsent("blocking", List.of());
        model.putIfAbsent("moderationNeeded", false);
        model.putIfAbsent("priceNeeded", false);
        model.put("justComputed", false);
        if (computations.latest(round.id()).isPresent()) {
            AwardResult award = computing.latest(round.id());
            model.put("computed", true);
            model.put("award", award);
            model.put("results", computing.results(round.id()));
            model.put("findings", award.findings().stream().filter(f -> f.severity() != Severity.INFO).toList());
            model.put("charts", award.robustness() == null ? List.of() : award.robustness().stream().map(org.levelfield.award.report.RobustnessChart::of).toList());
            var issued = justification.issue(round.id(), actor);
            model.put("justificationSha256", issued.sha256());
            model.put("publicSha256", justification.issuePublic(round.id(), actor).sha256());
        }
        return model;
    }

    /** Bars of the winner's lead in each scenario, the longest 400 units; a scenario with another winner is drawn from zero in a second colour. */
    private void requireComputed(Round round) {
        if (computations.latest(round.id()).isEmpty()) {
            throw ProblemException.notFound("computed award for round", round.id());
        }
    }
}
