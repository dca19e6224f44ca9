package org.levelfield.clarification.web;

import java.util.ArrayList;
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
import org.levelfield.common.identity.Actor;
import org.levelfield.clarification.Clarifications;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Page;
import org.levelfield.common.web.pages.Question;
import org.levelfield.round.model.Round;
import org.levelfield.round.web.RoundPages;

/** Asking a clarification question, and a bidder's own questions with their answers. */
@Controller("/rounds/{roundId}/questions")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ClarificationPages {

    private final Clarifications clarifications;
    private final RoundPages roundPages;

    public ClarificationPages(Clarifications clarifications, RoundPages roundPages) {
        this.clarifications = clarifications;
        this.roundPages = roundPages;
    }

    @Get
    public HttpResponse<?> mine(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.person(authentication, request);
        Round round = roundPages.publicRound(roundId);
        Map<String, Object> model = Page.model("Questions about " + round.title());
        model.put("round", round);
        model.put("questions", clarifications.of(round.id(), actor));
        return Page.render("clarification/questions", model);
    }

    @Get("/new")
    public HttpResponse<?> askPage(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.person(authentication, request);
        Round round = roundPages.publicRound(roundId);
        return Page.render("components/question-page", askModel(round, Page.model("Ask a question"), Map.of()));
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> ask(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.person(authentication, request);
        Round round = roundPages.publicRound(roundId);
        Map<String, Object> model = Page.model("Ask a question");
        try {
            Form f = Form.read(request, body);
            UUID lot = null;
            if (f.has("lot") && !"ROUND".equals(f.text("lot"))) {
                lot = round.lots().stream().filter(l -> l.id().toString().equals(f.text("lot"))).findFirst()
                        .map(org.levelfield.round.model.Lot::id).orElse(null);
                if (lot == null) {
                    Page.error(model, "lot", "Select the lot your question is about, or the whole round");
                    return Page.render("components/question-page", askModel(round, model, Form.of(body).typed()));
                }
            }
            clarifications.ask(round.id(), new Clarifications.Ask(f.text("question"), lot), actor);
            return Page.redirect("/rounds/" + round.id() + "/questions?asked=yes");
        } catch (ProblemException refused) {
            Page.refused(model, refused, f -> f.equals("lotId") ? "lot" : f);
            return Page.render("components/question-page", askModel(round, model, Form.of(body).typed()));
        }
    }

    private static Map<String, Object> askModel(Round round, Map<String, Object> model, Map<String, Object> typed) {
        List<Labels.Option> lots = new ArrayList<>();
        lots.add(new Labels.Option("ROUND", "The whole round", null));
        round.lots().forEach(l -> lots.add(new Labels.Option(l.id().toString(), l.title(), null)));
        model.put("caption", round.title());
        model.put("heading", "Ask a question");
        model.put("intro", List.of("The commissioners answer every question for all bidders at once, so that everyone has the same information. "
                + "Who asked is never shown. Do not put anything in your question that identifies your organisation."));
        model.put("questions", List.of(
                Question.radios("lot", "What is your question about?", null, lots, typed.getOrDefault("lot", "ROUND")),
                Question.longText("question", "Your question", null, typed.get("question"), null)));
        model.put("action", "/rounds/" + round.id() + "/questions/new");
        model.put("button", "Send question");
        model.put("back", "/rounds/" + round.id());
        model.put("cancel", "/rounds/" + round.id());
        return model;
    }
}
