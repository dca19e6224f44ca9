package org.levelfield.award.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.levelfield.award.application.AwardDecisions;
import org.levelfield.award.application.NotifyingAward;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * The scrutiny panel's way in: every round whose award is proposed, in standstill or made, with
 * where it stands and where to read each part of it (all read-only), and every document issued for
 * a round with its SHA-256, to check a copy against (POST /api/documents/verify).
 */
@Controller("/api")
@ExecuteOn(RequestThreads.NAME)
@Secured({"SCRUTINY", "ADMIN", "COMMISSIONER"})
public class ScrutinyController {

    static final Set<RoundStatus> UNDER_SCRUTINY = EnumSet.of(RoundStatus.AWARD_PROPOSED, RoundStatus.STANDSTILL, RoundStatus.AWARDED);

    private final Rounds rounds;
    private final AwardDecisions decisions;
    private final NotifyingAward notifying;
    private final IssuedDocuments documents;

    public ScrutinyController(Rounds rounds, AwardDecisions decisions, NotifyingAward notifying, IssuedDocuments documents) {
        this.rounds = rounds;
        this.decisions = decisions;
        this.notifying = notifying;
        this.documents = documents;
    }

    @Get("/scrutiny/rounds")
    public List<Map<String, Object>> rounds() {
        return rounds.all().stream().filter(r -> UNDER_SCRUTINY.contains(r.status())).map(this::summary).toList();
    }

    @Get("/rounds/{roundId}/documents")
    public List<IssuedDocuments.Issued> documents(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return documents.ofRound(roundId);
    }

    private Map<String, Object> summary(Round round) {
        String base = "/api/rounds/" + round.id();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", round.id());
        out.put("title", round.title());
        out.put("status", round.status());
        out.put("lots", round.lots().size());
        out.put("lotsDecided", decisions.ofRound(round.id()).size());
        out.put("assessmentSummariesSent", notifying.sent(round.id()).size());
        notifying.notice(round.id()).ifPresent(n -> {
            out.put("awardNoticePublishedOn", n.publishedOn());
            out.put("standstillLastDay", n.lastDay());
            out.put("contractSignedOn", n.contractSignedOn());
        });
        Map<String, String> read = new LinkedHashMap<>();
        read.put("results", base + "/award/results");
        read.put("justification", base + "/award/justification.pdf");
        read.put("publicJustification", base + "/award/justification-public.pdf");
        read.put("decisions", base + "/decisions");
        read.put("dueRegard", base + "/due-regard");
        read.put("awardSignOffs", base + "/award/sign-offs");
        read.put("assessmentSummaries", base + "/assessment-summaries");
        read.put("awardNotice", base + "/award-notice");
        read.put("findings", base + "/findings");
        read.put("safeguards", base + "/safeguards.pdf");
        read.put("history", base + "/history");
        read.put("auditTrail", base + "/audit");
        read.put("fairness", base + "/fairness");
        read.put("monitoringSummary", base + "/monitoring-summary");
        read.put("conflicts", base + "/conflicts");
        read.put("moderation", base + "/moderation");
        read.put("ocds", base + "/award/ocds");
        read.put("documents", base + "/documents");
        read.put("verifyDocument", "/api/documents/verify");
        out.put("read", read);
        return out;
    }
}
