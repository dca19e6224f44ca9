package org.levelfield.award.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.levelfield.award.application.AwardResult;
import org.levelfield.award.application.ComputingAward;
import org.levelfield.award.model.AwardCalculation;
import org.levelfield.common.Hashing;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.Format;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.round.application.PublishingRound;
import org.levelfield.rules.model.JustifiedFinding;
import org.levelfield.rules.model.Stage;

/** Assembles the award justification's report model from the stored round, award and findings. */
@Singleton
public class AwardReports {

    /** Words for the codes a reader would otherwise meet (statuses, partner types, criterion kinds). */
    static final org.levelfield.common.web.pages.Labels LABELS = new org.levelfield.common.web.pages.Labels();


    private final Rounds rounds;
    private final ComputingAward awards;
    private final RuleRuns runs;
    private final PublishingRound publishing;
    private final ObjectMapper json;
    private final Clock clock;
    private final AwardReportParts parts;
    private final org.levelfield.award.application.UnawardedLots unawarded;

    public AwardReports(Rounds rounds, ComputingAward awards, RuleRuns runs, PublishingRound publishing, ObjectMapper json, Clock clock,
                        AwardReportParts parts, org.levelfield.award.application.UnawardedLots unawarded) {
        this.unawarded = unawarded;
        this.parts = parts;
        this.publishing = publishing;
        this.rounds = rounds;
        this.awards = awards;
        this.runs = runs;
        this.json = json;
        this.clock = clock;
    }

    public AwardReport build(UUID roundId) {
        return build(roundId, false);
    }

    /**
     * @param publicVersion the version for publication: prices, evaluators' names, the conflicts log's names, bidders' answers on
     *                      abnormally low prices and the eligibility re-check (built from organisations' financial data) are left out
     */
    public AwardReport build(UUID roundId, boolean publicVersion) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        AwardResult award = awards.latest(roundId);
        List<JustifiedFinding> design = publishing.judged(round, runs.latest(roundId, Stage.ROUND_DESIGN));
        AwardReport.RoundPart roundPart = new AwardReport.RoundPart(round.title(), round.description() == null ? "" : round.description(),
                LABELS.of("ROUND_STATUS", round.status().name()), org.levelfield.common.web.pages.Dates.date(round.commencementDate()),
                when(round.tenderDeadline()), when(round.publishedAt()),
                when(round.closedAt()), Format.pounds(round.pooledTotalPence()),
                round.partners().stream().map(p -> new AwardReport.PartnerLine(p.name(), LABELS.of("PARTNER_TYPE", p.type()), p.lead(),
                        Format.pounds(p.contributionPence()), round.shareOf(p).toPlainString() + "%")).toList());
        List<AwardReport.LotPart> lots = award.lots().stream().map(result -> lot(round.lot(result.lotId()).orElseThrow(), result, publicVersion)).toList();
        AwardReportParts.Parts extra = parts.of(round, award, publicVersion);
        List<String> evaluatorNames = award.lots().stream().flatMap(l -> l.tenders().stream()).flatMap(t -> t.lines().stream())
                .flatMap(l -> l.evaluatorScores().stream()).map(AwardCalculation.EvaluatorScore::evaluator).distinct()
                .sorted(java.util.Comparator.comparing(String::length).reversed()).toList();
        return new AwardReport((publicVersion ? "Award justification (public version): " : "Award justification: ") + round.title(),
                when(clock.instant()), award.rulesetVersion(), inputsHash(award, design, extra.recordJson()), roundPart,
                new AwardReport.Method(award.thresholds().scaleMax(), award.thresholds().eqSubMin(), Format.number(award.thresholds().eqMeanMin())),
                lots, design.stream().map(AwardReports::line).toList(),
                award.findings().stream().map(f -> line(JustifiedFinding.of(f, null))).toList(),
                rounds.history(roundId).stream().map(h -> new AwardReport.HistoryLine(when(h.at()),
                        h.from() == null ? "(new)" : LABELS.of("ROUND_STATUS", h.from().name()), LABELS.of("ROUND_STATUS", h.to().name()),
                        h.reason())).toList(),
                publicVersion || award.eligibility() == null ? List.of() : award.eligibility().stream().map(e -> new AwardReport.EligibilityLine(e.organisation(),
                        e.canBid() ? "Yes" : "No", e.summary(), e.failures().isEmpty() ? "None" : String.join(" ", e.failures()),
                        eligibilityDecision(e, award.admissions()))).toList(),
                award.robustness() == null ? List.of() : award.robustness().stream().map(r -> new AwardReport.RobustnessLine(r.lot(),
                        org.levelfield.award.model.RobustnessCheck.hadRunnerUp(r) ? r.summary() : org.levelfield.award.model.RobustnessCheck.withoutRunnerUp(r.winner()),
                        !org.levelfield.award.model.RobustnessCheck.hadRunnerUp(r) ? List.<AwardReport.ScenarioLine>of() : r.scenarios().stream().map(s -> new AwardReport.ScenarioLine(publicVersion ? anonymised(s.name(), evaluatorNames) : s.name(), s.winner() == null ? "no winner" : s.winner(),
                                s.margin() == null ? "-" : s.margin().toPlainString(), s.sameWinner() ? "yes" : "NO")).toList())).toList(),
                publicVersion, extra.decision(), extra.equalityAnalysis(), extra.adverseImpacts(), extra.dutyScores(), extra.moderation(),
                extra.conflicts(), extra.abnormallyLow(), extra.providers(), extra.incumbents(),
                extra.awardFindings().stream().map(f -> line(JustifiedFinding.of(f, null))).toList(),
                unawarded.ofRound(roundId).stream().map(d -> new AwardReport.NoAwardLine(d.lot(), NO_AWARD.getOrDefault(d.choice(), d.choice()),
                        d.reasons(), d.eqiaUpdatedOn().toString(), (publicVersion ? "" : d.decidedBy() + ", ") + when(d.decidedAt()))).toList());
    }

    private static final java.util.Map<String, String> NO_AWARD = java.util.Map.of(
            "RUN_AGAIN", "Run the lot again",
            "DIRECT_AWARD", "Direct award: no suitable tender was received (Procurement Act 2023 s41, Sch 5)",
            "GRANT", "A grant to specialist providers, outside the procurement",
            "NOT_PROCEEDING", "Not proceeding, with the mitigation the equality analysis sets out");

    private static AwardReport.LotPart lot(Lot lot, AwardCalculation.LotResult result, boolean publicVersion) {
        return new AwardReport.LotPart(lot.title(), Format.pounds(lot.valueInclVatPence()), Format.pounds(lot.annualValuePence()),
                lot.termMonths(),
                lot.criteria().stream().map(c -> new AwardReport.CriterionLine(lot.publishedTitle(c),
                        c.duty() == null ? LABELS.of("CRITERION_KIND", c.kind().name()) : LABELS.of("DUTY", c.duty().name()),
                        lot.publishedWeight(c))).toList(),
                result.outcome(), result.lowestCompliantPricePence() == null ? "none" : Format.pounds(result.lowestCompliantPricePence()),
                tenders(result, publicVersion, titles(lot)));
    }

    /** Each criterion of the lot by id, as published ("Equality: Race"): what a point of a reason addresses. */
    private static java.util.Map<UUID, String> titles(Lot lot) {
        java.util.Map<UUID, String> titles = new java.util.HashMap<>();
        lot.criteria().forEach(c -> titles.put(c.id(), lot.publishedTitle(c)));
        return titles;
    }

    /** The lot's tenders; the panel, in name order, is worked out once for the lot. */
    private static List<AwardReport.TenderPart> tenders(AwardCalculation.LotResult result, boolean publicVersion, java.util.Map<UUID, String> titles) {
        List<UUID> panel = result.evaluatorsByName();
        return result.tenders().stream().map(t -> tender(t, t.tenderId().equals(result.provisionalWinner()), result.scaleMax(), publicVersion, panel, titles)).toList();
    }

    private static AwardReport.TenderPart tender(AwardCalculation.TenderResult t, boolean winner, int scaleMax, boolean publicVersion, List<UUID> panel,
                                                  java.util.Map<UUID, String> titles) {
        return new AwardReport.TenderPart(t.bidder(), publicVersion && !winner ? "withheld (commercially confidential)" : Format.pounds(t.pricePence()),
                t.disqualified() ? "No total" : t.total().toPlainString(),
                t.disqualified() ? "Disqualified" : t.rank() == null ? "Not ranked" : String.valueOf(t.rank()), t.disqualified(), t.disqualifiedBecause(),
                t.lines().stream().map(line -> new AwardReport.ScoreLine(line.title(), line.weightText(), method(line, scaleMax),
                        line.score() == null ? "-" : two(line.score()), line.weighted() == null ? "-" : two(line.weighted()),
                        evaluators(line.evaluatorScores(), publicVersion, panel, titles)))
                        .toList());
    }

    /**
     * How a line's score was reached, where it is not the published mean of the evaluators' scores (the method
     * section says that once): the price formula, a moderated consensus, a cap applied by a rule; null otherwise.
     */
    private static String method(AwardCalculation.CriterionLine line, int scaleMax) {
        String how = "PRICE".equals(line.kind()) ? "lowest compliant price / this price x weight"
                : line.consensus() != null ? "consensus " + line.consensus().score() + " (moderated: " + line.consensus().reason() + ") / " + scaleMax + " x weight"
                : null;
        String cap = line.cappedBy() == null ? null
                : "capped at " + line.cappedBy().cap() + " by " + line.cappedBy().ruleId() + ": " + line.cappedBy().reason();
        return how == null ? cap : cap == null ? how : how + "; " + cap;
    }

    private static AwardReport.FindingLine line(JustifiedFinding f) {
        String message = f.justification() == null ? f.message()
                : f.message() + " Justified by " + f.justification().officerName() + ", " + f.justification().officerRole() + ": "
                + f.justification().text();
        return new AwardReport.FindingLine(f.ruleId(), f.severity().name(), f.force().name(), f.citation(), f.subjectLabel(),
                f.ruleName(), message);
    }

    /** A robustness scenario's name with each evaluator's name replaced, longest first so no name is left half-replaced. */
    private static String anonymised(String text, List<String> evaluatorNames) {
        String out = text;
        for (String name : evaluatorNames) {
            out = out.replace(name, "an evaluator");
        }
        return out;
    }

    private static List<AwardReport.EvaluatorLine> evaluators(List<AwardCalculation.EvaluatorScore> scores, boolean publicVersion, List<UUID> panel,
                                                              java.util.Map<UUID, String> titles) {
        return scores.stream().map(e -> new AwardReport.EvaluatorLine(publicVersion ? "Evaluator " + (panel.indexOf(e.evaluatorId()) + 1) : e.evaluator(),
                e.score(), e.reason() + points(e.points(), titles))).toList();
    }

    /** A reason's points as the evaluator set them out, each with what it addresses (SC-12); nothing if there are none. */
    private static String points(List<AwardCalculation.ReasonPoint> points, java.util.Map<UUID, String> titles) {
        if (points.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" Points:");
        for (int i = 0; i < points.size(); i++) {
            AwardCalculation.ReasonPoint p = points.get(i);
            out.append(' ').append(i + 1).append(". ").append(p.point()).append(" (")
                    .append(p.addresses() == null ? "not a published criterion" : titles.getOrDefault(p.addresses(), "a criterion of another lot"))
                    .append(")").append(i + 1 < points.size() ? ";" : ".");
        }
        return out.toString();
    }

    /** SHA-256 over the award computation, the round-design findings and the due-regard record with the decisions: all the report's inputs. */
    private String inputsHash(AwardResult award, List<JustifiedFinding> design, String record) {
        try {
            return Hashing.sha256(json.writeValueAsString(award) + json.writeValueAsString(design) + record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String when(Instant instant) {
        return instant == null ? "-" : org.levelfield.common.web.pages.Dates.dateTime(instant);
    }

    /** What was decided about a tender that failed eligibility at award: out of the award, or kept in with the basis and reasons. */
    static String eligibilityDecision(org.levelfield.tender.application.RecheckingEligibility.AtAward e,
                                      List<org.levelfield.award.application.EligibilityAdmissions.Admission> admissions) {
        if (e.failures().isEmpty()) {
            return "None needed";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String failure : e.failures()) {
            String rule = org.levelfield.award.application.EligibilityAdmissions.ruleOf(failure);
            var kept = (admissions == null ? List.<org.levelfield.award.application.EligibilityAdmissions.Admission>of() : admissions).stream()
                    .filter(a -> a.tenderId().equals(e.tenderId()) && a.ruleId().equals(rule)).findFirst();
            parts.add(kept.map(a -> rule + ": kept in the award by " + a.decidedBy() + " on " + when(a.decidedAt()) + " ("
                    + a.basis().toLowerCase(java.util.Locale.UK).replace('_', ' ') + "): " + a.reasons())
                    .orElse(rule + ": out of the award; no decision to keep it in was recorded"));
        }
        return String.join(" ", parts);
    }
}
