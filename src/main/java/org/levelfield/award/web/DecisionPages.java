package org.levelfield.award.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
import org.levelfield.award.application.AwardSignOffs;
import org.levelfield.award.application.DecidingAward;
import org.levelfield.award.application.DueRegardRecords;
import org.levelfield.award.application.NotifyingAward;
import org.levelfield.award.report.AwardJustification;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Dates;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Outcome;
import org.levelfield.rules.model.Severity;

/**
 * From the proposed award to the contract, on one page in the order it is done: the due-regard record in
 * force, the partners' sign-offs of the award, the decision on each lot (on the justification in force),
 * the assessment summaries, the award notice with its standstill, and the contract once signed. A step
 * the rules refuse says which findings stop it.
 */
@Controller("/manage/rounds/{roundId}/decision")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class DecisionPages {

    private final Rounds rounds;
    private final AwardComputations computations;
    private final DueRegardRecords records;
    private final AwardSignOffs signOffs;
    private final DecidingAward deciding;
    private final NotifyingAward notifying;
    private final AwardJustification justification;
    private final Clock clock;

    public DecisionPages(Rounds rounds, AwardComputations computations, DueRegardRecords records, AwardSignOffs signOffs, DecidingAward deciding,
                         NotifyingAward notifying, AwardJustification justification, Clock clock) {
        this.rounds = rounds;
        this.computations = computations;
        this.records = records;
        this.signOffs = signOffs;
        this.deciding = deciding;
        this.notifying = notifying;
        this.justification = justification;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> page(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        return Page.render("manage/decision", model(round, Page.model("Decision: " + round.title()), Map.of()));
    }

    @Post(value = "/sign-offs", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signOff(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        String partner = Form.of(body).text("partner");
        String key = "award-signoff-" + partner;
        return act(round, request, body, f -> {
            UUID partnerId = round.partners().stream().filter(p -> p.id().toString().equals(partner)).findFirst()
                    .orElseThrow(() -> ProblemException.badInput("partner", "choose a partner of this round")).id();
            signOffs.sign(round.id(), partnerId, new AwardSignOffs.Signing(f.text(key + "-signatory"), f.text(key + "-signatoryRole")), actor);
            return null;
        }, field -> key + "-" + (field.equals("signatoryRole") ? "signatoryRole" : "signatory"), "sign-offs");
    }

    @Post(value = "/lots", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> decide(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        String lot = Form.of(body).text("lot");
        String key = "decided-" + lot;
        return act(round, request, body, f -> {
            UUID lotId = round.lots().stream().filter(l -> l.id().toString().equals(lot)).findFirst()
                    .orElseThrow(() -> ProblemException.badInput(key, "choose a lot of this round")).id();
            LocalDate on = date(f, key, "the date of the decision");
            UUID report = justification.issue(round.id(), actor).documentId();
            return refusal(deciding.decide(round.id(), lotId, new DecidingAward.Deciding(on, report), actor));
        }, field -> key, "lots");
    }

    @Post(value = "/summaries", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> summaries(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        return act(round, request, body, f -> refusal(notifying.sendSummaries(round.id(), actor)), field -> "summaries", "summaries");
    }

    @Post(value = "/notice", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> notice(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        return act(round, request, body, f -> refusal(notifying.publishNotice(round.id(),
                new NotifyingAward.Publishing(date(f, "published", "the date the notice is published"), "yes".equals(f.text("voluntary"))), actor)),
                field -> "published", "notice");
    }

    @Post(value = "/contract", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> contract(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        return act(round, request, body, f -> refusal(notifying.recordSigning(round.id(),
                new NotifyingAward.Signing(date(f, "signed", "the date the contract was entered into")), actor)), field -> "signed", "contract");
    }

    /** Runs one step of the page: done, it returns to the page at that step; refused, the page says why beside its form. */
    private HttpResponse<?> act(Round round, HttpRequest<?> request, Map<String, Object> body, Function<Form, String> step,
                                Function<String, String> field, String anchor) {
        Map<String, Object> model = Page.model("Decision: " + round.title());
        try {
            Form f = Form.read(request, body);
            String refused = step.apply(f);
            if (refused != null) {
                Page.error(model, field.apply(""), refused);
                return Page.render("manage/decision", model(rounds.named(round.id().toString()), model, f.typed()));
            }
            return Page.redirect("/manage/rounds/" + round.id() + "/decision#" + anchor);
        } catch (ProblemException refused) {
            Page.refused(model, refused, field);
            return Page.render("manage/decision", model(rounds.named(round.id().toString()), model, Form.of(body).typed()));
        }
    }

    /** A refused step in words: the blocking findings, each with its rule; null when the step was done. */
    private static String refusal(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Refused<?> refused) {
            List<Finding> blocking = refused.verdict().refusing();
            return "This step is refused while " + (blocking.size() == 1 ? "this finding stands" : "these findings stand") + ": "
                    + String.join(" ", blocking.stream().filter(b -> b.severity() == Severity.BLOCK || b.severity() == Severity.FAIL)
                    .map(b -> b.ruleId() + ": " + b.message()).distinct().toList());
        }
        return null;
    }

    private static LocalDate date(Form f, String field, String what) {
        Dates.Read read = Dates.of(f.text(field + "-day"), f.text(field + "-month"), f.text(field + "-year"), what);
        if (!read.ok()) {
            throw ProblemException.badInput(field, read.problem());
        }
        if (read.date() == null) {
            throw ProblemException.badInput(field, "Enter " + what);
        }
        return read.date();
    }

    private Map<String, Object> model(Round round, Map<String, Object> model, Map<String, Object> typed) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockFactory.LONDON);
        model.put("round", round);
        model.put("typed", typed);
        model.put("today", today);
        model.put("computed", computations.latest(round.id()).isPresent());
        var versions = records.versions(round.id());
        model.put("dueRegard", versions.isEmpty() ? null : versions.getLast());
        model.put("signOffs", signOffs.of(round));
        var decisions = deciding.of(round.id());
        model.put("decisions", decisions);
        model.put("decidedLots", decisions.stream().map(d -> d.decision().lotId()).collect(java.util.stream.Collectors.toSet()));
        model.put("summaries", notifying.sent(round.id()));
        model.put("notice", notifying.notice(round.id()).orElse(null));
        return model;
    }
}
