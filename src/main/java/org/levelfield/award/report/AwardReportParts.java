package org.levelfield.award.report;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.levelfield.award.application.AwardDecisions;
import org.levelfield.award.application.AwardResult;
import org.levelfield.award.application.AwardSignOffs;
import org.levelfield.award.application.DueRegardRecords;
import org.levelfield.award.model.AwardCalculation.CriterionLine;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.AwardCalculation.TenderResult;
import org.levelfield.award.model.DueRegardRecord;
import org.levelfield.bidder.OrganisationProfile;
import org.levelfield.bidder.OrganisationProfiles;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.evaluation.AbnormallyLowTenders;
import org.levelfield.evaluation.Moderation;
import org.levelfield.evaluation.Panels;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundDetails;
import org.levelfield.rules.facts.Format;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.rules.model.Finding;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * The parts of the award justification beyond the scores: the decision file, the award-stage
 * equality analysis and its adverse impacts, duty scores, moderation history, the conflicts log,
 * the abnormally low tender process, what happened to small and specialist providers, and the
 * findings of the award rules.
 */
@Singleton
public class AwardReportParts {


    private final DueRegardRecords records;
    private final AwardSignOffs signOffs;
    private final AwardDecisions decisions;
    private final Moderation moderation;
    private final Panels panels;
    private final AbnormallyLowTenders abnormallyLow;
    private final OrganisationProfiles profiles;
    private final Tenders tenders;
    private final RuleRuns runs;
    private final ObjectMapper json;

    public AwardReportParts(DueRegardRecords records, AwardSignOffs signOffs, AwardDecisions decisions, Moderation moderation, Panels panels,
                            AbnormallyLowTenders abnormallyLow, OrganisationProfiles profiles, Tenders tenders, RuleRuns runs, ObjectMapper json) {
        this.records = records;
        this.signOffs = signOffs;
        this.decisions = decisions;
        this.moderation = moderation;
        this.panels = panels;
        this.abnormallyLow = abnormallyLow;
        this.profiles = profiles;
        this.tenders = tenders;
        this.runs = runs;
        this.json = json;
    }

    /** @param recordJson the due-regard record in force and the decisions, as JSON, for the inputs hash */
    public record Parts(AwardReport.DecisionPart decision, List<AwardReport.EqiaLine> equalityAnalysis, List<AwardReport.EqiaLine> adverseImpacts,
                        List<AwardReport.DutyLine> dutyScores, List<AwardReport.ModerationLine> moderation,
                        List<AwardReport.ConflictLine> conflicts, List<AwardReport.AltLine> abnormallyLow,
                        List<AwardReport.ProviderLine> providers, List<AwardReport.IncumbentLine> incumbents, List<Finding> awardFindings,
                        String recordJson) {
    }

    public Parts of(Round round, AwardResult award, boolean publicVersion) {
        DueRegardRecords.Version version = records.latest(round.id()).orElse(null);
        List<AwardDecisions.Decision> decided = decisions.ofRound(round.id());
        List<Tender> live = tenders.ofRound(round.id());
        DueRegardRecord record = version == null ? null : version.record();
        List<AwardReport.EqiaLine> analysis = record == null ? List.of() : record.entries().stream().map(AwardReportParts::eqiaLine).toList();
        List<Finding> awardFindings = decided.stream().flatMap(d -> runs.ofRun(d.ruleRunId()).stream()).distinct().toList();
        return new Parts(decision(round, version, decided), analysis, analysis.stream().filter(l -> l.adverse().equals("Adverse")).toList(),
                dutyScores(award), moderationHistory(round, award, publicVersion), conflicts(round, publicVersion),
                abnormallyLow(award, live, publicVersion), providers(award, live), incumbents(round, award), awardFindings,
                toJson(Map.of("record", version == null ? "none" : version, "decisions", decided)));
    }

    private AwardReport.DecisionPart decision(Round round, DueRegardRecords.Version version, List<AwardDecisions.Decision> decided) {
        if (version == null) {
            return null;
        }
        DueRegardRecord r = version.record();
        var maker = r.decisionMaker();
        var briefing = r.briefing();
        var plan = r.monitoringPlan();
        String monitoring = plan == null ? "Not set."
                : AwardReports.LABELS.of("FREQUENCY", plan.frequency()) + ", returns disaggregated by " + (plan.disaggregatedBy() == null ? "nothing" : plan.disaggregatedBy().stream()
                .map(c -> AwardReports.LABELS.of("CHARACTERISTIC", c).toLowerCase(java.util.Locale.UK)).collect(Collectors.joining(", "))) + "; categories under " + plan.suppressionThreshold() + " suppressed; "
                + (plan.needsBaseline() == null || plan.needsBaseline().isEmpty() ? "no needs baseline"
                : "disparity alert at " + (plan.disparityPct() == null ? 25 : plan.disparityPct()) + "% against " + plan.needsBaseline().stream()
                .map(b -> b.group() + " (" + b.expectedSharePct().stripTrailingZeros().toPlainString() + "%)").collect(Collectors.joining(", ")))
                + (Boolean.TRUE.equals(plan.subcontractSpendReported()) ? "; spend with named partners reported." : ".");
        return new AwardReport.DecisionPart("version " + version.version(), org.levelfield.common.web.pages.Dates.dateTime(version.recordedAt()) + " by " + version.recordedBy(),
                maker == null ? "Not named." : maker.name() + ", " + maker.role(), maker == null || maker.authority() == null ? "-" : maker.authority(),
                briefing == null ? "No briefing recorded." : "Briefed on " + briefing.date() + (briefing.by() == null ? "" : " by " + briefing.by())
                        + (Boolean.TRUE.equals(briefing.coversDuty()) ? "; the briefing covered the equality duty" : "; the briefing did NOT cover the equality duty")
                        + (briefing.summary() == null ? "." : ": " + briefing.summary()),
                r.awardEqia() == null ? "none" : String.valueOf(r.awardEqia().assessedOn()), r.awardEqia() == null ? "-" : r.awardEqia().severity(),
                orDash(r.equalityEffect()), orDash(r.reviewSchedule()), orDash(r.specialistProvisionPlan()), monitoring, orDash(r.minutes()),
                signOffs.of(round).stream().map(s -> new AwardReport.SignOffLine(s.partner(), s.signed()
                        ? s.signatory() + ", " + s.signatoryRole() + ", " + org.levelfield.common.web.pages.Dates.dateTime(s.signedAt()) : "not signed off")).toList(),
                decided.stream().map(d -> new AwardReport.LotDecisionLine(round.lot(d.lotId()).map(l -> l.title()).orElse("?"), d.winner(),
                        d.decidedOn().toString(), d.decisionMaker())).toList());
    }

    private static AwardReport.EqiaLine eqiaLine(DueRegardRecord.Entry e) {
        String gap = e.dataGap() == null || e.dataGap().isBlank() ? "-" : e.dataGap() + (e.gapAction() == null || e.gapAction().isBlank()
                ? " (no action recorded)" : "; action: " + e.gapAction());
        return new AwardReport.EqiaLine(AwardReports.LABELS.of("CHARACTERISTIC", e.characteristic()), AwardReports.LABELS.of("LIMB", e.limb()), orDash(e.evidence()),
                orDash(e.impact()) + (e.notApplicableReason() == null ? "" : " (" + e.notApplicableReason() + ")") + advancing(e),
                e.isAdverse() ? "Adverse" : "-", orDash(e.mitigation()), gap);
    }

    /** For advancing equality, what the entry says about each of the three needs of s149(3), after its impact. */
    private static String advancing(DueRegardRecord.Entry e) {
        if (!"ADVANCE_EQUALITY".equals(e.limb())) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String[] need : new String[][] {{"Disadvantage", e.disadvantage()}, {"Different needs", e.differentNeeds()},
                {"Participation", e.participation()}}) {
            if (need[1] != null && !need[1].isBlank()) {
                out.append(". ").append(need[0]).append(": ").append(need[1].strip());
            }
        }
        return out.toString();
    }

    private static List<AwardReport.DutyLine> dutyScores(AwardResult award) {
        List<AwardReport.DutyLine> lines = new ArrayList<>();
        for (LotResult lot : award.lots()) {
            for (TenderResult t : lot.tenders()) {
                Map<String, String> byDuty = new LinkedHashMap<>();
                for (CriterionLine line : t.lines()) {
                    if (line.duty() != null) {
                        byDuty.put(line.duty(), line.score() == null ? "-" : line.score().setScale(2, RoundingMode.HALF_UP).toPlainString());
                    }
                }
                String gateway = award.findings().stream().filter(f -> "EQ-05".equals(f.ruleId()) && f.severity() == org.levelfield.rules.model.Severity.FAIL
                        && "tender".equals(f.subjectType()) && t.tenderId().toString().equals(f.subjectId())).findFirst()
                        .map(f -> "EQ-05: " + f.message()).orElse("met");
                lines.add(new AwardReport.DutyLine(lot.lot(), t.bidder(), byDuty.getOrDefault("RACE", "-"), byDuty.getOrDefault("DISABILITY", "-"),
                        byDuty.getOrDefault("SEX", "-"), gateway));
            }
        }
        return lines;
    }

    private List<AwardReport.ModerationLine> moderationHistory(Round round, AwardResult award, boolean publicVersion) {
        Map<UUID, Map<UUID, Moderation.Consensus>> agreed = moderation.consensusForRound(round.id());
        List<AwardReport.ModerationLine> lines = new ArrayList<>();
        for (LotResult lot : award.lots()) {
            for (TenderResult t : lot.tenders()) {
                for (CriterionLine line : t.lines()) {
                    Moderation.Consensus c = agreed.getOrDefault(t.tenderId(), Map.of()).get(line.criterionId());
                    if (c == null) {
                        continue;
                    }
                    lines.add(new AwardReport.ModerationLine(lot.lot(), t.bidder(), line.title(),
                            line.evaluatorScores().stream().map(e -> String.valueOf(e.score())).collect(Collectors.joining(", ")),
                            String.valueOf(c.score()), c.reason(), org.levelfield.common.web.pages.Dates.dateTime(c.recordedAt()) + (publicVersion ? "" : " by " + c.recordedBy())));
                }
            }
        }
        return lines;
    }

    private List<AwardReport.ConflictLine> conflicts(Round round, boolean publicVersion) {
        List<Map<String, Object>> log = panels.log(round.id());
        if (publicVersion) {
            long conflicted = log.stream().filter(r -> Boolean.TRUE.equals(r.get("conflicted"))).count();
            return List.of(new AwardReport.ConflictLine("-", log.size() + " declarations", "names withheld", conflicted + " conflicted",
                    "a conflicted evaluator did not see or score that bidder's tenders"));
        }
        return log.stream().map(r -> new AwardReport.ConflictLine(org.levelfield.common.web.pages.Dates.dateTime((Instant) r.get("declaredAt")), (String) r.get("evaluator"),
                (String) r.get("bidder"), Boolean.TRUE.equals(r.get("conflicted")) ? "Conflicted" : "No conflict",
                r.get("nature") == null ? "-" : (String) r.get("nature"))).toList();
    }

    private List<AwardReport.AltLine> abnormallyLow(AwardResult award, List<Tender> live, boolean publicVersion) {
        List<AwardReport.AltLine> lines = new ArrayList<>();
        for (Tender t : live) {
            abnormallyLow.find(t.id()).ifPresent(p -> lines.add(new AwardReport.AltLine(t.organisationName(),
                    publicVersion ? "withheld (an officer's question may quote the price)" : orDash(p.question()),
                    publicVersion ? "withheld (commercially confidential)" : orDash(p.response()),
                    p.decision() == null ? "no decision yet" : Format.words(p.decision()) + ": " + orDash(p.decisionReason()))));
        }
        return lines;
    }

    private List<AwardReport.ProviderLine> providers(AwardResult award, List<Tender> live) {
        Map<UUID, List<String>> outcomes = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (LotResult lot : award.lots()) {
            for (TenderResult t : lot.tenders()) {
                Tender tender = live.stream().filter(x -> x.id().equals(t.tenderId())).findFirst().orElse(null);
                if (tender == null) {
                    continue;
                }
                names.put(tender.organisationId(), t.bidder());
                String outcome = t.tenderId().equals(lot.provisionalWinner()) ? "won " + lot.lot()
                        : t.disqualified() ? "disqualified in " + lot.lot() : "ranked " + t.rank() + " in " + lot.lot();
                outcomes.computeIfAbsent(tender.organisationId(), k -> new ArrayList<>()).add(outcome);
            }
        }
        return outcomes.entrySet().stream().map(e -> {
            OrganisationProfile p = profiles.find(e.getKey()).orElse(null);
            return new AwardReport.ProviderLine(names.get(e.getKey()), p == null ? "?" : p.qualifiesAsSme() ? "SME" : "Large",
                    p == null ? "?" : p.qualifiesAsVcse() ? "VCSE" : "-", String.join("; ", e.getValue()));
        }).toList();
    }

    private static List<AwardReport.IncumbentLine> incumbents(Round round, AwardResult award) {
        RoundDetails details = round.details() == null ? RoundDetails.NONE : round.details();
        List<String> winners = award.lots().stream().flatMap(l -> l.winner().stream()).map(TenderResult::bidder).toList();
        List<String> bidders = award.lots().stream().flatMap(l -> l.tenders().stream()).map(TenderResult::bidder).distinct().toList();
        return details.incumbentsOrEmpty().stream().map(i -> {
            boolean won = winners.stream().anyMatch(i::isNamed);
            boolean bid = bidders.stream().anyMatch(i::isNamed);
            return new AwardReport.IncumbentLine(i.organisation(), orDash(i.groupServed()),
                    i.fundingPerYearPence() == null ? "-" : Format.pounds(i.fundingPerYearPence()) + " a year (" + orDash(i.fundingType()) + ")",
                    i.isSpecialist() ? "Specialist" : "-",
                    won ? "won a lot" : bid ? "bid and did not win" : "did not bid");
        }).toList();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
