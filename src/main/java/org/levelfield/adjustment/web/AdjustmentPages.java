package org.levelfield.adjustment.web;

import java.util.List;
import java.util.Map;

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
import org.levelfield.common.identity.Actor;
import org.levelfield.adjustment.Adjustments;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Dates;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.model.Round;
import org.levelfield.round.web.RoundPages;

/** Asking for a reasonable adjustment on a round, and the organisation's requests with their answers. */
@Controller("/rounds/{roundId}/adjustments")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class AdjustmentPages {

    private final Adjustments adjustments;
    private final RoundPages roundPages;
    private final Labels labels;

    public AdjustmentPages(Adjustments adjustments, RoundPages roundPages, Labels labels) {
        this.adjustments = adjustments;
        this.roundPages = roundPages;
        this.labels = labels;
    }

    @Get
    public HttpResponse<?> mine(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.person(authentication, request);
        Round round = roundPages.publicRound(roundId);
        Map<String, Object> model = Page.model("Your requests for reasonable adjustments");
        model.put("round", round);
        model.put("requests", adjustments.of(round.id(), actor));
        return Page.render("adjustment/requests", model);
    }

    @Get("/new")
    public HttpResponse<?> askPage(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.person(authentication, request);
        Round round = roundPages.publicRound(roundId);
        return Page.render("adjustment/ask", model(round, Page.model("Ask for a reasonable adjustment"), Map.of()));
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> ask(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.person(authentication, request);
        Round round = roundPages.publicRound(roundId);
        Map<String, Object> model = Page.model("Ask for a reasonable adjustment");
        Map<String, Object> typed = Form.of(body).typed();
        try {
            Form f = Form.read(request, body);
            Dates.Read neededBy = Dates.of(f.text("neededBy-day"), f.text("neededBy-month"), f.text("neededBy-year"), "the date you need it by");
            if (!neededBy.ok()) {
                Page.error(model, "neededBy", neededBy.problem());
                return Page.render("adjustment/ask", model(round, model, typed));
            }
            adjustments.ask(round.id(), new Adjustments.Ask(f.list("kinds"), f.text("details"), neededBy.date()), actor);
            return Page.redirect("/rounds/" + round.id() + "/adjustments?asked=yes");
        } catch (ProblemException refused) {
            return Page.render("adjustment/ask", model(round, Page.refused(model, refused), typed));
        }
    }

    private Map<String, Object> model(Round round, Map<String, Object> model, Map<String, Object> typed) {
        model.put("round", round);
        model.put("typed", typed);
        model.put("kinds", labels.options("ADJUSTMENT", Adjustments.KINDS));
        Object kinds = typed.get("kinds");
        model.put("kindValues", kinds instanceof List<?> l ? l : kinds == null ? List.of() : List.of(kinds));
        return model;
    }
}
