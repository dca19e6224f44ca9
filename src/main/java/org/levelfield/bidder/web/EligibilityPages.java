package org.levelfield.bidder.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
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
import io.micronaut.http.cookie.SameSite;
import io.micronaut.json.JsonMapper;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.bidder.CheckingEligibility;
import org.levelfield.bidder.Codes;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Money;
import org.levelfield.common.web.pages.Page;
import org.levelfield.common.web.pages.PageCookies;
import org.levelfield.common.web.pages.Question;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.web.RoundPages;

/**
 * "Can we bid?": a few questions about the organisation, then a page that says for each lot of the
 * round whether it passes, does not pass or needs attention, why, and what it can do. The rules are
 * the round's own (CheckingEligibility, as the API's self-check). Nothing is stored: the answers
 * stay in the person's browser in a cookie until they finish or register.
 */
@Controller("/rounds/{roundId}/can-we-bid")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class EligibilityPages {

    static final List<String> STEPS = List.of("organisation", "money", "insurance", "experience", "consortium", "exclusions");

    private final RoundPages roundPages;
    private final CheckingEligibility checking;
    private final Labels labels;
    private final JsonMapper json;

    public EligibilityPages(RoundPages roundPages, CheckingEligibility checking, Labels labels, JsonMapper json) {
        this.roundPages = roundPages;
        this.checking = checking;
        this.labels = labels;
        this.json = json;
    }

    @Get
    public HttpResponse<?> start(String roundId) {
        Round round = roundPages.publicRound(roundId);
        Map<String, Object> model = Page.model("Check whether you can bid");
        model.put("round", round);
        return Page.render("bidder/can-we-bid-start", model);
    }

    @Get("/{step}")
    public HttpResponse<?> question(String roundId, String step, HttpRequest<?> request) {
        Round round = roundPages.publicRound(roundId);
        requireStep(step);
        return Page.render("components/question-page", questionPage(round, step, answers(request), Page.model(title(step))));
    }

    @Post(value = "/{step}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> answer(String roundId, String step, HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
        Round round = roundPages.publicRound(roundId);
        requireStep(step);
        Map<String, Object> answers = answers(request);
        Map<String, Object> model = Page.model(title(step));
        Form form;
        try {
            form = Form.read(request, body);
        } catch (ProblemException expired) {
            Page.refused(model, expired);
            answers.putAll(Form.of(body).typed());
            return Page.render("components/question-page", questionPage(round, step, answers, model));
        }
        Map<String, Object> given = EligibilityAnswers.read(step, form, model);
        answers.putAll(form.typed());
        if (Page.hasErrors(model)) {
            return Page.render("components/question-page", questionPage(round, step, answers, model));
        }
        answers.putAll(given);
        int next = STEPS.indexOf(step) + 1;
        String target = next < STEPS.size() ? "/rounds/" + round.id() + "/can-we-bid/" + STEPS.get(next) : "/rounds/" + round.id() + "/can-we-bid/result";
        return Page.redirect(target).cookie(PageCookies.of(request, PageCookies.CHECK_ANSWERS, encode(answers), Duration.ofDays(1), SameSite.Lax));
    }

    @Get("/result")
    public HttpResponse<?> result(String roundId, HttpRequest<?> request) {
        Round round = roundPages.publicRound(roundId);
        Map<String, Object> answers = answers(request);
        var missing = STEPS.stream().filter(s -> !EligibilityAnswers.complete(s, answers)).findFirst();
        if (missing.isPresent()) {
            return Page.redirect("/rounds/" + round.id() + "/can-we-bid/" + missing.get());
        }
        CheckingEligibility.Profile profile = EligibilityAnswers.profile(answers);
        List<Map<String, Object>> lots = new ArrayList<>();
        for (Lot lot : round.lots()) {
            CheckingEligibility.Check check = checking.evaluate(round, lot, profile);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("lot", lot);
            entry.put("check", check);
            entry.put("outcome", check.results().stream().anyMatch(r -> r.outcome() == CheckingEligibility.Outcome.FAILS) ? "FAILS"
                    : check.results().stream().anyMatch(r -> r.outcome() == CheckingEligibility.Outcome.NEEDS_ATTENTION) ? "NEEDS_ATTENTION" : "PASSES");
            entry.put("results", check.results().stream().map(EligibilityPages::explained).toList());
            lots.add(entry);
        }
        Map<String, Object> model = Page.model("Can you bid? Your results");
        model.put("round", round);
        model.put("lots", lots);
        model.put("answers", EligibilityAnswers.summary(answers, labels));
        return Page.render("bidder/can-we-bid-result", model);
    }

    /** A rule's result split into what it found and what the organisation can do, as the rule words them. */
    static Map<String, Object> explained(CheckingEligibility.Result r) {
        String message = r.message() == null ? "" : r.message();
        int cut = message.indexOf("What you can do:");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("result", r);
        e.put("found", cut < 0 ? message : message.substring(0, cut).strip());
        e.put("canDo", cut < 0 ? null : message.substring(cut + "What you can do:".length()).strip());
        return e;
    }

    private Map<String, Object> questionPage(Round round, String step, Map<String, Object> answers, Map<String, Object> model) {
        int index = STEPS.indexOf(step);
        model.put("caption", "Can you bid for " + round.title() + "? Question " + (index + 1) + " of " + STEPS.size());
        model.put("heading", title(step));
        model.put("intro", EligibilityAnswers.intro(step));
        model.put("questions", EligibilityAnswers.questions(step, answers, labels));
        model.put("action", "/rounds/" + round.id() + "/can-we-bid/" + step);
        model.put("button", index + 1 < STEPS.size() ? "Continue" : "See your results");
        model.put("back", index == 0 ? "/rounds/" + round.id() + "/can-we-bid" : "/rounds/" + round.id() + "/can-we-bid/" + STEPS.get(index - 1));
        return model;
    }

    private static String title(String step) {
        return switch (step) {
            case "organisation" -> "About your organisation";
            case "money" -> "Your organisation's money";
            case "insurance" -> "Insurance";
            case "experience" -> "Your experience";
            case "consortium" -> "Bidding with others";
            case "exclusions" -> "Exclusion grounds";
            default -> "Can you bid?";
        };
    }

    private static void requireStep(String step) {
        if (!STEPS.contains(step)) {
            throw ProblemException.notFound("question", step);
        }
    }

    /** The answers so far, from the browser's cookie; anything unreadable counts as no answers. */
    @SuppressWarnings("unchecked")
    Map<String, Object> answers(HttpRequest<?> request) {
        return PageCookies.value(request, PageCookies.CHECK_ANSWERS).map(v -> {
            try {
                byte[] bytes = Base64.getUrlDecoder().decode(v);
                Map<String, Object> read = json.readValue(new String(bytes, StandardCharsets.UTF_8), Map.class);
                return (Map<String, Object>) new LinkedHashMap<>(read);
            } catch (Exception unreadable) {
                return new LinkedHashMap<String, Object>();
            }
        }).orElseGet(LinkedHashMap::new);
    }

    private String encode(Map<String, Object> answers) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsString(answers).getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> legalForms() {
        return Codes.LEGAL_FORMS;
    }

    static Money.Read money(String typed, String what) {
        return Money.pounds(typed, what);
    }
}
