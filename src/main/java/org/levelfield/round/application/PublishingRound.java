package org.levelfield.round.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.application.RuleChecks;
import org.levelfield.rules.infrastructure.WarningJustifications;
import org.levelfield.rules.model.JustifiedFinding;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Outcome;
import org.levelfield.rules.model.Stage;
import org.levelfield.rules.model.Verdict;

/**
 * Publishing runs the round-design rules over an approved design. While any BLOCK stands, or any
 * WARN lacks a named officer's recorded justification, the round is not published and the refusal
 * lists the findings; otherwise it opens for tenders, freezing the ruleset (version and text) and
 * the thresholds it was published under. Every check is kept, refused or not.
 */
@Singleton
public class PublishingRound {

    private final Rounds rounds;
    private final Rulesets rules;
    private final ThresholdsConfiguration thresholds;
    private final RuleChecks checks;
    private final WarningJustifications justifications;
    private final ObjectMapper json;
    private final Clock clock;

    public PublishingRound(Rounds rounds, Rulesets rules, ThresholdsConfiguration thresholds, RuleChecks checks,
                           WarningJustifications justifications, ObjectMapper json, Clock clock) {
        this.justifications = justifications;
        this.rounds = rounds;
        this.rules = rules;
        this.thresholds = thresholds;
        this.checks = checks;
        this.json = json;
        this.clock = clock;
    }

    public record Published(Round round, List<JustifiedFinding> findings) {
    }

    /** What a named officer records to proceed despite a WARN finding. */
    public record JustificationCommand(String ruleId, String subjectId, String officerName, String officerRole, String justification) {
    }

    /** Runs the design rules without publishing: what would stop publication or needs justifying now. */
    public List<JustifiedFinding> check(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        return judged(round, designFindings(round, clock.instant(), false));
    }

    @Transactional
    public JustifiedFinding justify(UUID roundId, JustificationCommand command, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (round.status() != RoundStatus.DRAFT && round.status() != RoundStatus.DESIGN_APPROVED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; design warnings are answered before publication.", round.status().name(), round.status().allowedActions());
        }
        List<ProblemException.FieldError> errors = new java.util.ArrayList<>();
        if (command == null) {
            throw ProblemException.badInput("body", "ruleId, subjectId, officerName, officerRole and justification are required");
        }
        for (var field : java.util.Map.of("ruleId", nz(command.ruleId()), "subjectId", nz(command.subjectId()),
                "officerName", nz(command.officerName()), "officerRole", nz(command.officerRole()),
                "justification", nz(command.justification())).entrySet()) {
            if (field.getValue().isBlank()) {
                errors.add(new ProblemException.FieldError(field.getKey(), "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors.stream().sorted(java.util.Comparator.comparing(ProblemException.FieldError::field)).toList());
        }
        List<Finding> warnings = designFindings(round, clock.instant(), false).stream().filter(f -> f.severity() == Severity.WARN).toList();
        Finding warning = warnings.stream().filter(f -> f.ruleId().equals(command.ruleId()) && f.subjectId().equals(command.subjectId()))
                .findFirst().orElseThrow(() -> ProblemException.badInput("ruleId", "no WARN finding " + command.ruleId() + " on subject "
                        + command.subjectId() + " stands for this round. Warnings now: "
                        + (warnings.isEmpty() ? "none" : String.join("; ", warnings.stream().map(f -> f.ruleId() + " on " + f.subjectId() + " (" + f.subjectLabel() + ")").toList()))));
        Instant now = clock.instant();
        justifications.record(roundId, new WarningJustifications.Justification(warning.ruleId(), warning.subjectId(),
                command.officerName().strip(), command.officerRole().strip(), command.justification().strip(), now), actor.userId());
        return JustifiedFinding.of(warning, new JustifiedFinding.Justification(command.officerName().strip(),
                command.officerRole().strip(), command.justification().strip(), now));
    }

    /** The published round, or the verdict refusing it (a BLOCK, or a warning no officer has justified); the run is recorded either way. */
    @Transactional
    public Outcome<Published> publish(UUID roundId, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (round.status() != RoundStatus.DESIGN_APPROVED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; only a round whose design every partner has signed off and the commissioner has approved (DESIGN_APPROVED) can be published.",
                    round.status().name(), round.status().allowedActions());
        }
        Instant now = clock.instant();
        if (!round.tenderDeadline().isAfter(now)) {
            throw ProblemException.badInput("tenderDeadline", "the tender deadline " + round.tenderDeadline()
                    + " has passed (server time " + now + "); a round must be published before its deadline");
        }
        Thresholds limits = thresholds.current();
        List<JustifiedFinding> findings = judged(round, designFindings(round, now, true));
        List<Finding> unanswered = findings.stream().filter(JustifiedFinding::isUnansweredWarning).map(JustifiedFinding::finding).toList();
        String version = rules.freezeCurrent(now).version();
        Verdict verdict = checks.judge(round.id(), Stage.ROUND_DESIGN, version, now, actor.userId(), "Round '" + round.title() + "' cannot be published",
                List.of("PUBLISHED", "REFUSED"), findings.stream().map(JustifiedFinding::finding).toList(), f -> RuleChecks.blocks(f) || unanswered.contains(f),
                refusing -> refusal(round, refusing, unanswered), findings);
        if (verdict.refused()) {
            return Outcome.refused(verdict);
        }
        if (!rounds.transition(round.id(), RoundStatus.DESIGN_APPROVED, RoundStatus.PUBLISHED, now, actor.userId(),
                "Published; round-design rules passed with " + org.levelfield.rules.facts.Format.count(findings.size(), "finding", "findings")
                        + ", none blocking, every warning justified")) {
            throw ProblemException.wrongState("Round '" + round.title() + "' was changed by another request; reload it.",
                    round.status().name(), round.status().allowedActions());
        }
        rounds.recordPublication(round.id(), version, toJson(limits));
        return Outcome.done(new Published(rounds.find(roundId).orElseThrow(), findings));
    }

    /** Why publication is refused: the BLOCKs to fix and the warnings a named officer must justify. */
    private static String refusal(Round round, List<Finding> refusing, List<Finding> unanswered) {
        List<Finding> blocks = refusing.stream().filter(RuleChecks::blocks).toList();
        List<String> reasons = new java.util.ArrayList<>();
        if (!blocks.isEmpty()) {
            reasons.add(blocks.size() + " BLOCK finding(s) stand: " + String.join(", ", blocks.stream().map(Finding::ruleId).distinct().toList())
                    + "; fix the design");
        }
        if (!unanswered.isEmpty()) {
            reasons.add(unanswered.size() + " WARN finding(s) need a named officer's recorded justification (POST /api/rounds/"
                    + round.id() + "/justifications): " + String.join(", ", unanswered.stream().map(f -> f.ruleId() + " on " + f.subjectLabel()).toList()));
        }
        return "Round '" + round.title() + "' cannot be published: " + String.join("; ", reasons) + ".";
    }

    /** The design findings with any officer justification recorded for each. */
    public List<JustifiedFinding> judged(Round round, List<Finding> findings) {
        List<WarningJustifications.Justification> recorded = justifications.ofRound(round.id());
        return findings.stream().map(f -> JustifiedFinding.of(f, recorded.stream()
                .filter(j -> j.ruleId().equals(f.ruleId()) && j.subjectId().equals(f.subjectId())).findFirst()
                .map(j -> new JustifiedFinding.Justification(j.officerName(), j.officerRole(), j.justification(), j.recordedAt()))
                .orElse(null))).toList();
    }

    /**
     * The design's findings as of its approval (the law in force then), with the tender notice on the day it is published:
     * today when publishing, else the planned publication date if one is recorded, else today.
     */
    private List<Finding> designFindings(Round round, Instant now, boolean publishingNow) {
        LocalDate today = LocalDate.ofInstant(now, ClockFactory.LONDON);
        LocalDate decisionDate = round.designApprovedAt() != null ? LocalDate.ofInstant(round.designApprovedAt(), ClockFactory.LONDON) : today;
        LocalDate noticeDate = publishingNow ? today : RoundFacts.noticeDate(round, today);
        return rules.current().evaluate(Stage.ROUND_DESIGN, RoundFacts.of(round, decisionDate, noticeDate, thresholds.current()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String toJson(Thresholds limits) {
        try {
            return json.writeValueAsString(limits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
