package org.levelfield.adjustment.web;

import java.time.Instant;
import java.time.LocalTime;
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
import org.levelfield.access.Organisations;
import org.levelfield.adjustment.Adjustments;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Dates;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;

/**
 * The commissioner's reasonable adjustment requests: those waiting first, each with who asked, what they
 * need and by when, and the answer form (agreed, partly agreed or refused, what will be done, and a new
 * deadline for every bidder where more time is the adjustment); then those answered.
 */
@Controller("/manage/rounds/{roundId}/adjustments")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class AdjustmentAnswerPages {

    private final Adjustments adjustments;
    private final Rounds rounds;
    private final Organisations organisations;

    public AdjustmentAnswerPages(Adjustments adjustments, Rounds rounds, Organisations organisations) {
        this.adjustments = adjustments;
        this.rounds = rounds;
        this.organisations = organisations;
    }

    /** A request as the page shows it, with the asking organisation's name and the key its form's fields are named by. */
    public record RequestView(Adjustments.Request request, String organisation, String key) {
    }

    @Get
    public HttpResponse<?> list(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        return Page.render("manage/adjustments", model(round, actor, Page.model("Adjustments: " + round.title()), Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> answer(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Adjustments: " + round.title());
        String id = Form.of(body).text("request");
        String key = "adj-" + (id == null ? "" : id.replaceAll("[^A-Za-z0-9-]", ""));
        try {
            Form f = Form.read(request, body);
            Adjustments.Request asked = adjustments.of(round.id(), actor).stream().filter(r -> r.id().toString().equals(id)).findFirst()
                    .orElseThrow(() -> ProblemException.badInput(key + "-decision", "This request is not one of this round's; reload the page"));
            if (f.text(key + "-decision") == null) {
                Page.error(model, key + "-decision", "Choose whether the adjustment is agreed, partly agreed or refused");
            }
            if (f.text(key + "-answer") == null) {
                Page.error(model, key + "-answer", "Say what will be done, or why it cannot be");
            }
            Instant newDeadline = deadline(f, key, model);
            if (Page.hasErrors(model)) {
                return Page.render("manage/adjustments", model(round, actor, model, f.typed()));
            }
            adjustments.answer(asked.id(), new Adjustments.Answer(f.text(key + "-decision"), f.text(key + "-answer"), newDeadline), actor);
            return Page.redirect("/manage/rounds/" + round.id() + "/adjustments");
        } catch (ProblemException refused) {
            Page.refused(model, refused, name -> key + "-" + (name.equals("newDeadline") ? "deadline" : name.equals("decision") ? "decision" : "answer"));
            return Page.render("manage/adjustments", model(round, actor, model, Form.of(body).typed()));
        }
    }

    /** The new deadline for every bidder, if one was given: a date and a time (24-hour, UK time). */
    private static Instant deadline(Form f, String key, Map<String, Object> model) {
        String field = key + "-deadline";
        Dates.Read date = Dates.of(f.text(field + "-day"), f.text(field + "-month"), f.text(field + "-year"), "the new deadline");
        String time = f.text(field + "-time");
        if (!date.ok()) {
            Page.error(model, field, date.problem());
            return null;
        }
        if (date.date() == null) {
            if (time != null) {
                Page.error(model, field, "Enter the date of the new deadline, or leave the time empty");
            }
            return null;
        }
        try {
            LocalTime at = LocalTime.parse(time == null ? "" : time.strip());
            return date.date().atTime(at).atZone(Dates.LONDON).toInstant();
        } catch (java.time.format.DateTimeParseException notATime) {
            Page.error(model, field, "Enter the time of the new deadline in 24-hour form, like 12:00");
            return null;
        }
    }

    private Map<String, Object> model(Round round, Actor actor, Map<String, Object> model, Map<String, Object> typed) {
        List<RequestView> all = adjustments.of(round.id(), actor).stream().map(r -> new RequestView(r,
                organisations.findById(r.organisationId()).map(org.levelfield.access.Organisation::name).orElse("An organisation"),
                "adj-" + r.id())).toList();
        model.put("round", round);
        model.put("typed", typed);
        model.put("waiting", all.stream().filter(v -> v.request().answeredAt() == null).toList());
        model.put("answered", all.stream().filter(v -> v.request().answeredAt() != null).toList());
        model.put("decisions", List.of(new Labels.Option("AGREED", "Agreed", null), new Labels.Option("PARTLY_AGREED", "Partly agreed", null),
                new Labels.Option("REFUSED", "Refused", "Say why, and what else is offered")));
        return model;
    }
}
