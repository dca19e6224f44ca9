package org.levelfield.round.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.Idempotency;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.application.AmendingRound;
import org.levelfield.round.application.ApprovingDesign;
import org.levelfield.round.application.CancellingRound;
import org.levelfield.round.application.ClosingRound;
import org.levelfield.round.application.DraftingRound;
import org.levelfield.round.application.PublishingRound;
import org.levelfield.round.application.RoundCommand;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.report.SafeguardsReport;
import org.levelfield.round.report.SafeguardsReportPdf;
import org.levelfield.round.report.SafeguardsReports;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.rules.model.JustifiedFinding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Stage;

/**
 * Rounds. Commissioners create, publish and close them; everyone signed in can read published
 * rounds; drafts are visible to commissioners, scrutiny and admins only.
 */
@Controller("/api/rounds")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class RoundsController {

    private final Rounds rounds;
    private final DraftingRound drafting;
    private final PublishingRound publishing;
    private final ClosingRound closing;
    private final RuleRuns runs;
    private final Idempotency idempotency;
    private final ApprovingDesign approving;
    private final CancellingRound cancelling;
    private final SafeguardsReports safeguardsReports;
    private final AmendingRound amending;
    private final SafeguardsReportPdf safeguardsPdf;

    public RoundsController(Rounds rounds, DraftingRound drafting, PublishingRound publishing, ClosingRound closing,
                            RuleRuns runs, Idempotency idempotency, ApprovingDesign approving, CancellingRound cancelling,
                            SafeguardsReports safeguardsReports, SafeguardsReportPdf safeguardsPdf, AmendingRound amending) {
        this.amending = amending;
        this.safeguardsReports = safeguardsReports;
        this.safeguardsPdf = safeguardsPdf;
        this.approving = approving;
        this.cancelling = cancelling;
        this.rounds = rounds;
        this.drafting = drafting;
        this.publishing = publishing;
        this.closing = closing;
        this.runs = runs;
        this.idempotency = idempotency;
    }

    @Post
    @Secured("COMMISSIONER")
    public HttpResponse<?> create(@Body RoundCommand command, @Nullable @Header("Idempotency-Key") String key,
                                  Authentication authentication) {
        Actor actor = Actor.of(authentication);
        var outcome = idempotency.run(actor.userId(), key, command, HttpStatus.CREATED,
                () -> RoundView.of(drafting.create(command, actor)));
        return HttpResponse.status(outcome.status()).body(outcome.body());
    }

    /** Replaces the design of a draft round; refused once it is published. */
    @Put("/{id}")
    @Secured("COMMISSIONER")
    public RoundView revise(UUID id, @Body RoundCommand command, Authentication authentication) {
        return RoundView.of(drafting.revise(id, command, Actor.of(authentication)));
    }

    @Get
    public List<RoundView> list(Authentication authentication) {
        Actor actor = Actor.of(authentication);
        return rounds.all().stream().filter(r -> visible(r, actor)).map(RoundView::of).toList();
    }

    @Get("/{id}")
    public RoundView get(UUID id, Authentication authentication) {
        return RoundView.of(visibleRound(id, Actor.of(authentication)));
    }

    @Get("/{id}/history")
    public List<Rounds.StatusChange> history(UUID id, Authentication authentication) {
        visibleRound(id, Actor.of(authentication));
        return rounds.history(id);
    }

    /** What the round-design rules say about the round now, without publishing it. */
    @Post("/{id}/design-check")
    @Secured({"COMMISSIONER", "ADMIN"})
    public Map<String, Object> check(UUID id) {
        List<JustifiedFinding> findings = publishing.check(id);
        return Map.of("findings", findings,
                "blocking", findings.stream().filter(f -> f.severity() == Severity.BLOCK).count(),
                "warningsToJustify", findings.stream().filter(JustifiedFinding::isUnansweredWarning).count());
    }

    /** A named officer's justification for proceeding despite a WARN finding. */
    @Post("/{id}/justifications")
    @Secured("COMMISSIONER")
    public HttpResponse<JustifiedFinding> justify(UUID id, @Body PublishingRound.JustificationCommand command, Authentication authentication) {
        return HttpResponse.created(publishing.justify(id, command, Actor.of(authentication)));
    }

    /** Records that a partner has signed off the round design. */
    @Post("/{id}/partners/{partnerId}/sign-off")
    @Secured("COMMISSIONER")
    public RoundView signOff(UUID id, UUID partnerId, @Body ApprovingDesign.SignOffCommand command, Authentication authentication) {
        return RoundView.of(approving.signOff(id, partnerId, command, Actor.of(authentication)));
    }

    @Post("/{id}/approve-design")
    @Secured("COMMISSIONER")
    public RoundView approveDesign(UUID id, Authentication authentication) {
        return RoundView.of(approving.approve(id, Actor.of(authentication)));
    }

    @Post("/{id}/reopen")
    @Secured("COMMISSIONER")
    public RoundView reopen(UUID id, @Body Reason body, Authentication authentication) {
        return RoundView.of(approving.reopen(id, body == null ? null : body.reason(), Actor.of(authentication)));
    }

    @Post("/{id}/cancel")
    @Secured("COMMISSIONER")
    public RoundView cancel(UUID id, @Body Reason body, Authentication authentication) {
        return RoundView.of(cancelling.cancel(id, body == null ? null : body.reason(), Actor.of(authentication)));
    }

    public record Reason(String reason) {
    }

    /** Changes a published round's criteria before its deadline, republishing with an extended deadline (RD-27). */
    @Post("/{id}/amendments")
    @Secured("COMMISSIONER")
    public Map<String, Object> amend(UUID id, @Body AmendingRound.AmendmentCommand command, Authentication authentication) {
        AmendingRound.Amended outcome = org.levelfield.rules.web.Refusals.orRefuse(amending.amend(id, command, Actor.of(authentication)));
        // How many tenders must be sent again is not said: before the deadline that would count the sealed tenders (issue 15).
        return Map.of("round", RoundView.of(outcome.round()), "findings", outcome.findings());
    }

    /** The safeguards report for the partnership board: every finding by stage, with justifications. */
    @Get("/{id}/safeguards")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public SafeguardsReport safeguards(UUID id) {
        return safeguardsReports.build(id);
    }

    @Get(value = "/{id}/safeguards.pdf", produces = "application/pdf")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public HttpResponse<byte[]> safeguardsPdf(UUID id, Authentication authentication) {
        return safeguardsPdf.issue(id, Actor.of(authentication)).asDownload();
    }

    @Post("/{id}/publish")
    @Secured("COMMISSIONER")
    public Map<String, Object> publish(UUID id, Authentication authentication) {
        PublishingRound.Published outcome = org.levelfield.rules.web.Refusals.orRefuse(publishing.publish(id, Actor.of(authentication)));
        return Map.of("round", RoundView.of(outcome.round()), "findings", outcome.findings());
    }

    @Post("/{id}/close")
    @Secured("COMMISSIONER")
    public RoundView close(UUID id, Authentication authentication) {
        return RoundView.of(closing.close(id, Actor.of(authentication)));
    }

    /** Findings of the latest run of each stage over the round, with officers' justifications of warnings. */
    @Get("/{id}/findings")
    public Map<String, List<JustifiedFinding>> findings(UUID id, Authentication authentication) {
        Round round = visibleRound(id, Actor.of(authentication));
        return Map.of(Stage.ROUND_DESIGN.folder(), publishing.judged(round, runs.latest(id, Stage.ROUND_DESIGN)),
                Stage.SCORING.folder(), runs.latest(id, Stage.SCORING).stream().map(f -> JustifiedFinding.of(f, null)).toList());
    }

    private Round visibleRound(UUID id, Actor actor) {
        Round round = rounds.find(id).orElseThrow(() -> ProblemException.notFound("round", id));
        if (!visible(round, actor)) {
            throw ProblemException.notFound("round", id);
        }
        return round;
    }

    /** Drafts are internal to the commissioning body; bidders and evaluators see published rounds. */
    private static boolean visible(Round round, Actor actor) {
        return round.status() != RoundStatus.DRAFT
                || actor.is(Role.COMMISSIONER) || actor.is(Role.SCRUTINY) || actor.is(Role.ADMIN);
    }
}
