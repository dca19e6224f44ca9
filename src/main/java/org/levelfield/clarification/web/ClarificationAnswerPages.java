package org.levelfield.clarification.web;

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
import org.levelfield.clarification.Clarifications;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;

/**
 * The commissioner's clarification questions: those waiting for an answer first, each with its answer form
 * (an answer goes to every bidder, never saying who asked), then those answered.
 */
@Controller("/manage/rounds/{roundId}/questions")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ClarificationAnswerPages {

    private final Clarifications clarifications;
    private final Rounds rounds;

    public ClarificationAnswerPages(Clarifications clarifications, Rounds rounds) {
        this.clarifications = clarifications;
        this.rounds = rounds;
    }

    @Get
    public HttpResponse<?> list(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        return Page.render("manage/questions", model(round, actor, Page.model("Questions: " + round.title()), Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> answer(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Questions: " + round.title());
        String question = Form.of(body).text("question");
        String field = "answer-" + (question == null ? "" : question.replaceAll("[^A-Za-z0-9-]", ""));
        try {
            Form f = Form.read(request, body);
            Clarifications.Clarification asked = clarifications.of(round.id(), actor).stream().filter(c -> c.id().toString().equals(question))
                    .findFirst().orElseThrow(() -> ProblemException.badInput(field, "This question is not one of this round's; reload the page"));
            if (f.text(field) == null) {
                Page.error(model, field, "Write the answer to question " + asked.number());
                return Page.render("manage/questions", model(round, actor, model, f.typed()));
            }
            clarifications.answer(asked.id(), new Clarifications.Reply(f.text(field)), actor);
            return Page.redirect("/manage/rounds/" + round.id() + "/questions?answered=" + asked.number());
        } catch (ProblemException refused) {
            Page.refused(model, refused, name -> field);
            return Page.render("manage/questions", model(round, actor, model, Form.of(body).typed()));
        }
    }

    private Map<String, Object> model(Round round, Actor actor, Map<String, Object> model, Map<String, Object> typed) {
        List<Clarifications.Clarification> all = clarifications.of(round.id(), actor);
        model.put("round", round);
        model.put("typed", typed);
        model.put("waiting", all.stream().filter(c -> c.answeredAt() == null).toList());
        model.put("answered", all.stream().filter(c -> c.answeredAt() != null).toList());
        model.put("lots", round.lots().stream().collect(java.util.stream.Collectors.toMap(l -> l.id().toString(), org.levelfield.round.model.Lot::title)));
        return model;
    }
}
