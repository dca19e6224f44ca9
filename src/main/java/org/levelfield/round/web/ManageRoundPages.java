package org.levelfield.round.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.levelfield.access.UserAccounts;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.common.web.pages.Question;
import org.levelfield.round.application.ApprovingDesign;
import org.levelfield.round.application.CancellingRound;
import org.levelfield.round.application.PublishingRound;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.model.JustifiedFinding;
import org.levelfield.rules.model.Severity;

/**
 * The commissioner's pages for a round: their rounds, a round's home (where it stands, what stops the
 * next step, what was done by whom), the live design check with its warnings' justifications, partner
 * sign-offs, approval and publication, and reopening or cancelling with a reason.
 */
@Controller("/manage/rounds")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ManageRoundPages {

    private final Rounds rounds;
    private final PublishingRound publishing;
    private final ApprovingDesign approving;
    private final CancellingRound cancelling;
    private final UserAccounts accounts;
    private final Clock clock;

    private final org.levelfield.round.infrastructure.RoundDesigns designs;

    public ManageRoundPages(Rounds rounds, PublishingRound publishing, ApprovingDesign approving, CancellingRound cancelling,
                            UserAccounts accounts, Clock clock, org.levelfield.round.infrastructure.RoundDesigns designs) {
        this.designs = designs;
        this.rounds = rounds;
        this.publishing = publishing;
        this.approving = approving;
        this.cancelling = cancelling;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A step of the round's life as the home page lists it. */
    public record Step(String id, String title, String hint, String state, String href) {
    }

    /** A state change as the home page's history shows it. */
    public record Event(String at, String what, String by, String reason) {
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable Authentication authentication) {
        staff(authentication, request);
        Map<String, Object> model = Page.model("Your rounds");
        model.put("rounds", rounds.all().stream().sorted(Comparator.comparing(Round::createdAt).reversed()).toList());
        model.put("designs", designs.newRounds());
        return Page.render("manage/rounds", model);
    }

    @Get("/{id}")
    public HttpResponse<?> home(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        staff(authentication, request);
        Round round = rounds.named(id);
        Map<String, Object> model = Page.model(round.title());
        model.put("round", round);
        model.put("steps", RoundSteps.of(round, clock.instant()));
        model.put("next", RoundSteps.next(round, clock.instant()));
        if (round.status() == RoundStatus.DRAFT || round.status() == RoundStatus.DESIGN_APPROVED) {
            List<JustifiedFinding> findings = publishing.check(round.id());
            model.put("blocking", findings.stream().filter(f -> f.severity() == Severity.BLOCK).count());
            model.put("toJustify", findings.stream().filter(JustifiedFinding::isUnansweredWarning).count());
            model.put("unsigned", round.partnersNotSignedOff().size());
        }
        model.put("justPublished", "yes".equals(request.getParameters().get("published")));
        model.put("justAmended", "yes".equals(request.getParameters().get("amended")));
        model.put("amendable", round.status() == RoundStatus.PUBLISHED && !round.isPastDeadline(clock.instant()));
        model.put("history", history(round));
        return Page.render("manage/round", model);
    }

    @Get("/{id}/design-check")
    public HttpResponse<?> designCheck(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        staff(authentication, request);
        Round round = rounds.named(id);
        return Page.render("manage/design-check", designModel(round, Page.model("Design check: " + round.title()), Map.of()));
    }

    @Post(value = "/{id}/justifications", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> justify(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = commissioner(authentication, request);
        Round round = rounds.named(id);
        Map<String, Object> model = Page.model("Design check: " + round.title());
        String finding = Form.of(body).text("finding");
        String key = key(finding);
        try {
            Form f = Form.read(request, body);
            if (f.text(key + "-officerName") == null) {
                Page.error(model, key + "-officerName", "Enter the name of the officer who justifies going ahead");
            }
            if (f.text(key + "-officerRole") == null) {
                Page.error(model, key + "-officerRole", "Enter the officer's role");
            }
            if (f.text(key + "-justification") == null) {
                Page.error(model, key + "-justification", "Say why the round may go ahead despite this warning");
            }
            if (Page.hasErrors(model)) {
                return Page.render("manage/design-check", designModel(round, model, f.typed()));
            }
            String[] ruleAndSubject = (finding == null ? "" : finding).split("\\|", 2);
            publishing.justify(round.id(), new PublishingRound.JustificationCommand(ruleAndSubject[0], ruleAndSubject.length > 1 ? ruleAndSubject[1] : "",
                    f.text(key + "-officerName"), f.text(key + "-officerRole"), f.text(key + "-justification")), actor);
            return Page.redirect("/manage/rounds/" + round.id() + "/design-check#" + key);
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> switch (field) {
                case "officerName", "officerRole", "justification" -> key + "-" + field;
                default -> key + "-justification";
            });
            return Page.render("manage/design-check", designModel(round, model, Form.of(body).typed()));
        }
    }

    @Post(value = "/{id}/sign-offs", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signOff(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = commissioner(authentication, request);
        Round round = rounds.named(id);
        Map<String, Object> model = Page.model("Design check: " + round.title());
        String partner = Form.of(body).text("partner");
        try {
            Form f = Form.read(request, body);
            UUID partnerId = round.partners().stream().filter(p -> p.id().toString().equals(f.text("partner"))).findFirst()
                    .orElseThrow(() -> ProblemException.badInput("partner", "choose a partner of this round")).id();
            approving.signOff(round.id(), partnerId, new ApprovingDesign.SignOffCommand(f.text("signoff-" + partner + "-signatory"),
                    f.text("signoff-" + partner + "-signatoryRole")), actor);
            return Page.redirect("/manage/rounds/" + round.id() + "/design-check#sign-offs");
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> "signoff-" + partner + "-" + (field.equals("signatoryRole") ? "signatoryRole" : "signatory"));
            return Page.render("manage/design-check", designModel(round, model, Form.of(body).typed()));
        }
    }

    @Post(value = "/{id}/approval", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> approve(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = commissioner(authentication, request);
        Round round = rounds.named(id);
        try {
            Form.read(request, body);
            approving.approve(round.id(), actor);
            return Page.redirect("/manage/rounds/" + round.id() + "/design-check?approved=yes");
        } catch (ProblemException refused) {
            Map<String, Object> model = Page.model("Design check: " + round.title());
            Page.refused(model, refused, field -> "approve");
            return Page.render("manage/design-check", designModel(rounds.named(id), model, Map.of()));
        }
    }

    @Post(value = "/{id}/publication", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> publish(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = commissioner(authentication, request);
        Round round = rounds.named(id);
        Map<String, Object> model = Page.model("Design check: " + round.title());
        try {
            Form.read(request, body);
            var outcome = publishing.publish(round.id(), actor);
            if (outcome instanceof org.levelfield.rules.model.Outcome.Refused<?> refused) {
                Page.error(model, "publish", refusal(refused.verdict()));
                return Page.render("manage/design-check", designModel(rounds.named(id), model, Map.of()));
            }
            return Page.redirect("/manage/rounds/" + round.id() + "?published=yes");
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> "publish");
            return Page.render("manage/design-check", designModel(rounds.named(id), model, Map.of()));
        }
    }

    /** Reopening an approved design or cancelling the round: each asks for the reason, which is kept on the record. */
    @Get("/{id}/{action:reopen|cancel}")
    public HttpResponse<?> reasonPage(String id, String action, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Round round = rounds.named(id);
        return Page.render("components/question-page", reasonModel(round, action, Page.model(heading(action)), Map.of()));
    }

    @Post(value = "/{id}/{action:reopen|cancel}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> withReason(String id, String action, HttpRequest<?> request, @Nullable Authentication authentication,
                                      @Nullable @Body Map<String, Object> body) {
        Actor actor = commissioner(authentication, request);
        Round round = rounds.named(id);
        Map<String, Object> model = Page.model(heading(action));
        try {
            Form f = Form.read(request, body);
            if (action.equals("cancel")) {
                cancelling.cancel(round.id(), f.text("reason"), actor);
            } else {
                approving.reopen(round.id(), f.text("reason"), actor);
            }
            return Page.redirect("/manage/rounds/" + round.id());
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> "reason");
            return Page.render("components/question-page", reasonModel(round, action, model, Form.of(body).typed()));
        }
    }

    private static String heading(String action) {
        return action.equals("cancel") ? "Cancel the round" : "Reopen the design";
    }

    private Map<String, Object> designModel(Round round, Map<String, Object> model, Map<String, Object> typed) {
        List<JustifiedFinding> findings = publishing.check(round.id());
        model.put("round", round);
        model.put("typed", typed);
        model.put("editable", round.status() == RoundStatus.DRAFT || round.status() == RoundStatus.DESIGN_APPROVED);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Severity severity : List.of(Severity.BLOCK, Severity.FAIL, Severity.WARN, Severity.FLAG, Severity.INFO)) {
            List<JustifiedFinding> these = findings.stream().filter(f -> f.severity() == severity).toList();
            if (!these.isEmpty()) {
                groups.add(Map.of("severity", severity.name(), "findings",
                        these.stream().map(f -> new FindingView(f, key(f.ruleId() + "|" + f.subjectId()),
                                org.levelfield.round.web.design.DesignLinks.answerOf(round, f.ruleId(), f.subjectId()))).toList()));
            }
        }
        model.put("groups", groups);
        model.put("blocking", findings.stream().filter(f -> f.severity() == Severity.BLOCK).count());
        model.put("toJustify", findings.stream().filter(JustifiedFinding::isUnansweredWarning).count());
        model.put("unsigned", round.partnersNotSignedOff().size());
        model.put("deadlinePassed", round.isPastDeadline(clock.instant()));
        model.put("signOffs", round.signOffs().stream().collect(java.util.stream.Collectors.toMap(s -> s.partnerId().toString(), s -> s, (a, b) -> b)));
        return model;
    }

    private static Map<String, Object> reasonModel(Round round, String what, Map<String, Object> model, Map<String, Object> typed) {
        boolean cancel = what.equals("cancel");
        model.put("caption", round.title());
        model.put("heading", heading(what));
        model.put("intro", cancel
                ? List.of("A cancelled round cannot be reopened. Bidders who have sent tenders are told, and the tenders are never opened.",
                "The reason is kept on the round's record and shown to bidders.")
                : List.of("Reopening the design returns the round to draft so that it can be changed. The partners' sign-offs and the approval are "
                + "needed again before it can be published.", "The reason is kept on the round's record."));
        model.put("questions", List.of(Question.longText("reason", cancel ? "Why is the round being cancelled?" : "Why is the design being reopened?",
                null, typed.get("reason"), null)));
        model.put("action", "/manage/rounds/" + round.id() + "/" + what);
        model.put("button", heading(what));
        model.put("back", "/manage/rounds/" + round.id());
        // On the cancel page a link called "Cancel" next to "Cancel the round" would confuse; the back link is enough there.
        model.put("cancel", cancel ? null : "/manage/rounds/" + round.id());
        return model;
    }

    /** Why publication was refused, in the page's words: the findings to fix and the warnings to justify, each named. */
    private static String refusal(org.levelfield.rules.model.Verdict verdict) {
        var refusing = verdict.refusing();
        List<String> blocks = refusing.stream().filter(f -> f.severity() == Severity.BLOCK).map(f -> f.ruleId() + " on " + f.subjectLabel()).distinct().toList();
        List<String> warnings = refusing.stream().filter(f -> f.severity() == Severity.WARN).map(f -> f.ruleId() + " on " + f.subjectLabel()).distinct().toList();
        List<String> parts = new ArrayList<>();
        if (!blocks.isEmpty()) {
            parts.add("change the design so that " + String.join(", ", blocks) + " no longer " + (blocks.size() == 1 ? "blocks" : "block") + " it");
        }
        if (!warnings.isEmpty()) {
            parts.add("record a named officer's justification for " + String.join(", ", warnings));
        }
        return "The round cannot be published yet: " + String.join("; and ", parts) + ".";
    }

    /**
     * A finding on the design check page, with the key its justification form's fields are named by and the
     * design page where the answer it is about can be changed (null once the design is no longer a draft).
     */
    public record FindingView(JustifiedFinding finding, String key, String answer) {
    }

    /** A finding's form fields are named by it (rule and subject), so that an error sits beside the right form. */
    static String key(String ruleAndSubject) {
        return "justify-" + (ruleAndSubject == null ? "" : ruleAndSubject.replaceAll("[^A-Za-z0-9]+", "-"));
    }

    private List<Event> history(Round round) {
        Map<UUID, String> names = new java.util.HashMap<>();
        return rounds.history(round.id()).stream().map(h -> new Event(org.levelfield.common.web.pages.Dates.dateTime(h.at()),
                h.from() == null ? "Created as a draft" : h.from() == h.to() ? RoundSteps.label(h.to()) + ": changed"
                        : RoundSteps.label(h.from()) + " to " + RoundSteps.label(h.to()),
                h.by() == null ? "Levelfield (automatically)" : names.computeIfAbsent(h.by(), by -> accounts.findById(by)
                        .map(a -> a.displayName()).orElse("an account no longer held")), h.reason())).toList().reversed();
    }

    private static Actor staff(Authentication authentication, HttpRequest<?> request) {
        return Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
    }

    private static Actor commissioner(Authentication authentication, HttpRequest<?> request) {
        return Page.inRole(authentication, request, Role.COMMISSIONER);
    }
}
