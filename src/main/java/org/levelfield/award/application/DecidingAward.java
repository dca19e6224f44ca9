package org.levelfield.award.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.AwardCalculation.TenderResult;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.Ruleset;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.application.RuleChecks;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Outcome;
import org.levelfield.rules.model.Stage;
import org.levelfield.rules.model.Verdict;

/**
 * The award decision for one lot: the named decision-maker decides on the provisional winner once
 * every funding partner has signed off the proposed award and the due-regard rules (DR-01..DR-08),
 * the award rules (AW-01, AW-02) and the monitoring plan rules (MON-01..MON-03) find nothing that
 * blocks it. A refused decision changes nothing; a lot is decided once.
 */
@Singleton
public class DecidingAward {

    private final Rounds rounds;
    private final ComputingAward awards;
    private final AwardComputations computations;
    private final DueRegardRecords records;
    private final AwardSignOffs signOffs;
    private final AwardDecisions decisions;
    private final DecisionFacts facts;
    private final IssuedDocuments documents;
    private final Rulesets rules;
    private final RuleRuns runs;
    private final RuleChecks checks;
    private final AuditTrail audit;
    private final Clock clock;

    public DecidingAward(Rounds rounds, ComputingAward awards, AwardComputations computations, DueRegardRecords records,
                         AwardSignOffs signOffs, AwardDecisions decisions, DecisionFacts facts, IssuedDocuments documents, Rulesets rules,
                         RuleRuns runs, RuleChecks checks, AuditTrail audit, Clock clock) {
        this.rounds = rounds;
        this.awards = awards;
        this.computations = computations;
        this.records = records;
        this.signOffs = signOffs;
        this.decisions = decisions;
        this.facts = facts;
        this.documents = documents;
        this.rules = rules;
        this.runs = runs;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param decidedOn        the day the decision-maker decided
     * @param reportDocumentId the award justification (decision report) the decision-maker was given, as issued
     */
    public record Deciding(LocalDate decidedOn, UUID reportDocumentId) {
    }

    /** A decision made, with the findings of the rules that cleared it. */
    public record Decided(AwardDecisions.Decision decision, List<Finding> findings) {
    }

    /** The lot's decision, or the verdict refusing it (a BLOCK at award or in the monitoring plan); the run is recorded either way. */
    @Transactional
    public Outcome<Decided> decide(UUID roundId, UUID lotId, Deciding deciding, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Lot lot = round.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot of this round", lotId));
        decisions.ofLot(lotId).ifPresent(d -> {
            throw ProblemException.wrongState("Lot '" + lot.title() + "' was already awarded to " + d.winner() + " by " + d.decisionMaker()
                    + " on " + d.decidedOn() + "; a lot is awarded once.", "DECIDED", List.of("read the decision (GET /api/rounds/{id}/decisions)"));
        });
        if (round.status() != RoundStatus.AWARD_PROPOSED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; a lot is decided once the award is proposed and before the award notice.", round.status().name(),
                    round.status().allowedActions());
        }
        AwardComputations.Stored computation = computations.latest(roundId).orElseThrow();
        IssuedDocuments.Document report = checkInput(round, deciding, computation);
        List<String> unsigned = signOffs.of(round).stream().filter(p -> !p.signed()).map(AwardSignOffs.PartnerSignOff::partner).toList();
        if (!unsigned.isEmpty()) {
            throw ProblemException.wrongState("Every funding partner must sign off the proposed award before it is decided; not yet signed off: "
                    + String.join(", ", unsigned) + ".", "AWAITING_SIGN_OFF",
                    List.of("record each partner's sign-off (POST /api/rounds/{id}/award/sign-offs/{partnerId})"));
        }
        AwardResult award = awards.latest(roundId);
        LotResult result = award.lots().stream().filter(l -> l.lotId().equals(lotId)).findFirst().orElseThrow();
        DueRegardRecords.Version record = records.latest(roundId).orElse(null);

        Ruleset ruleset = rulesetFor(round);
        List<Object> decisionFacts = facts.forDecision(round, lot, result, award, computation, record, report, deciding.decidedOn());
        Instant now = clock.instant();
        Verdict verdict = checks.check(roundId, List.of(Stage.AWARD, Stage.MONITORING), ruleset, decisionFacts, now, actor.userId(),
                "Lot '" + lot.title() + "' cannot be awarded", "DECIDED " + lot.title());
        if (verdict.refused()) {
            return Outcome.refused(verdict);
        }
        List<Finding> findings = verdict.findings();
        UUID runId = verdict.runId();
        TenderResult winner = result.winner().orElseThrow();
        var maker = record.record().decisionMaker();
        AwardDecisions.Decision decision = new AwardDecisions.Decision(UUID.randomUUID(), roundId, lotId, winner.tenderId(), winner.bidder(),
                computation.id(), record.id(), report.id(), maker.name(), maker.role(), deciding.decidedOn(), runId, now, actor.displayName());
        decisions.insert(decision, actor.userId());
        audit.append("AWARD_DECIDED", roundId, actor.userId(), "lot " + lot.title(), Map.of("winner", winner.bidder(),
                "total", winner.total().toPlainString(), "decisionMaker", maker.name(), "decidedOn", deciding.decidedOn().toString(),
                "record", record.id().toString(), "report", report.sha256()));
        return Outcome.done(new Decided(decisions.ofLot(lotId).orElseThrow(), findings));
    }

    /** The lot decisions of a round, with the findings of the run that cleared each. */
    public List<Decided> of(UUID roundId) {
        rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return decisions.ofRound(roundId).stream().map(d -> new Decided(d, runs.ofRun(d.ruleRunId()))).toList();
    }

    /** The round's frozen ruleset; a round frozen before the award rules existed is judged by the current award rules. */
    Ruleset rulesetFor(Round round) {
        Ruleset frozen = rules.forVersion(round.rulesetVersion());
        return frozen.files(Stage.AWARD).isEmpty() ? rules.current() : frozen;
    }

    private IssuedDocuments.Document checkInput(Round round, Deciding deciding, AwardComputations.Stored computation) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        LocalDate today = ClockFactory.londonDate(clock.instant());
        LocalDate computed = ClockFactory.londonDate(computation.computedAt());
        if (deciding == null || deciding.decidedOn() == null) {
            errors.add(new ProblemException.FieldError("decidedOn", "is required: the day the decision-maker decided (YYYY-MM-DD)"));
        } else if (deciding.decidedOn().isAfter(today)) {
            errors.add(new ProblemException.FieldError("decidedOn", "is " + deciding.decidedOn() + ", in the future; record a decision once it is made"));
        } else if (deciding.decidedOn().isBefore(computed)) {
            errors.add(new ProblemException.FieldError("decidedOn", "is " + deciding.decidedOn() + ", before the award was computed on " + computed));
        }
        IssuedDocuments.Document report = null;
        if (deciding == null || deciding.reportDocumentId() == null) {
            errors.add(new ProblemException.FieldError("reportDocumentId",
                    "is required: the id of the award justification the decision-maker was given (X-Document-Id of GET /api/rounds/{id}/award/justification.pdf)"));
        } else {
            report = documents.find(deciding.reportDocumentId()).filter(d -> d.roundId().equals(round.id()) && "AWARD_JUSTIFICATION".equals(d.kind()))
                    .orElse(null);
            if (report == null) {
                errors.add(new ProblemException.FieldError("reportDocumentId", "is not an award justification issued for this round"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        return report;
    }
}
