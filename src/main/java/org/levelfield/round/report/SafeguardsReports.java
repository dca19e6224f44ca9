package org.levelfield.round.report;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.application.PublishingRound;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.facts.Format;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.rules.model.JustifiedFinding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Stage;

/**
 * Builds the safeguards report of a round. Before publication it shows what the rules say now;
 * from publication on, the findings recorded when it was published (and at scoring, once scored).
 */
@Singleton
public class SafeguardsReports {

    private static final org.levelfield.common.web.pages.Labels LABELS = new org.levelfield.common.web.pages.Labels();


    private final Rounds rounds;
    private final PublishingRound publishing;
    private final RuleRuns runs;
    private final Clock clock;

    public SafeguardsReports(Rounds rounds, PublishingRound publishing, RuleRuns runs, Clock clock) {
        this.rounds = rounds;
        this.publishing = publishing;
        this.runs = runs;
        this.clock = clock;
    }

    public SafeguardsReport build(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        boolean beforePublication = round.status() == RoundStatus.DRAFT || round.status() == RoundStatus.DESIGN_APPROVED
                || round.status() == RoundStatus.CANCELLED && round.publishedAt() == null;
        List<JustifiedFinding> findings = new ArrayList<>(beforePublication
                ? publishing.check(roundId)
                : publishing.judged(round, runs.latest(roundId, Stage.ROUND_DESIGN)));
        runs.latest(roundId, Stage.SCORING).forEach(f -> findings.add(JustifiedFinding.of(f, null)));
        Map<String, List<SafeguardsReport.FindingLine>> byStage = new LinkedHashMap<>();
        for (String stage : List.of("Regime", "Round design", "Scoring")) {
            byStage.put(stage, new ArrayList<>());
        }
        for (JustifiedFinding f : findings) {
            byStage.get(stageOf(f.ruleId())).add(new SafeguardsReport.FindingLine(f.ruleId(), f.ruleName(), f.severity().name(),
                    f.force().name(), f.citation(), f.subjectLabel(), f.message(),
                    f.justification() == null ? null : f.justification().officerName() + ", " + f.justification().officerRole()
                            + " (" + org.levelfield.common.web.pages.Dates.dateTime(f.justification().recordedAt()) + ")",
                    f.justification() == null ? null : f.justification().text()));
        }
        java.util.Set<String> standing = new java.util.HashSet<>();
        findings.forEach(f -> standing.add(f.ruleId() + "|" + f.subjectType() + "|" + f.subjectId()));
        java.util.Map<String, SafeguardsReport.EarlierLine> resolved = new java.util.LinkedHashMap<>();
        for (RuleRuns.Earlier e : runs.earlier(roundId, Stage.ROUND_DESIGN)) {
            var f = e.finding();
            String key = f.ruleId() + "|" + f.subjectType() + "|" + f.subjectId();
            boolean serious = f.severity() == Severity.BLOCK || f.severity() == Severity.FAIL || f.severity() == Severity.WARN;
            if (serious && !standing.contains(key) && !resolved.containsKey(key)) {
                resolved.put(key, new SafeguardsReport.EarlierLine(f.ruleId(), f.ruleName(), LABELS.of("SEVERITY", f.severity().name()),
                        f.subjectLabel(), f.message(), when(e.ranAt()) + (e.refusedStep() ? ", when it stopped a step" : "")));
            }
        }
        SafeguardsReport.Summary summary = new SafeguardsReport.Summary(count(findings, Severity.BLOCK), count(findings, Severity.FAIL),
                count(findings, Severity.WARN), findings.stream().filter(JustifiedFinding::isUnansweredWarning).count(),
                count(findings, Severity.FLAG), count(findings, Severity.INFO));
        String summaryText = "Status: " + LABELS.of("ROUND_STATUS", round.status().name()) + ". Ruleset "
                + (round.rulesetVersion() == null ? "not yet published (rules in force now)" : round.rulesetVersion()) + ". "
                + Format.count(summary.blocks(), "blocking finding", "blocking findings") + ", "
                + Format.count(summary.fails(), "failing finding", "failing findings") + ", "
                + Format.count(summary.warnings(), "warning", "warnings") + " (" + summary.unjustifiedWarnings() + " not yet justified), "
                + Format.count(summary.flags(), "flag", "flags") + ", " + summary.infos() + " for information"
                + (resolved.isEmpty() ? "." : "; " + Format.count(resolved.size(), "serious finding", "serious findings")
                        + " of an earlier design check no longer " + (resolved.size() == 1 ? "stands" : "stand") + " (section 3).");
        return new SafeguardsReport("Safeguards report: " + round.title(), when(clock.instant()), round.title(),
                LABELS.of("ROUND_STATUS", round.status().name()),
                round.rulesetVersion() == null ? "not yet published (rules in force now)" : round.rulesetVersion(),
                Format.pounds(round.pooledTotalPence()), when(round.designApprovedAt()),
                round.partners().stream().map(p -> {
                    var signOff = round.signOffs().stream().filter(s -> s.partnerId().equals(p.id())).findFirst();
                    return new SafeguardsReport.PartnerLine(p.name(), LABELS.of("PARTNER_TYPE", p.type()), Format.pounds(p.contributionPence()),
                            round.shareOf(p).toPlainString() + "%",
                            signOff.map(s -> s.signatory() + ", " + s.signatoryRole()).orElse("not signed off"),
                            signOff.map(s -> when(s.signedAt())).orElse("-"));
                }).toList(),
                round.lots().stream().map(l -> new SafeguardsReport.LotLine(l.title(), Format.pounds(l.valueInclVatPence()),
                        Format.pounds(l.annualValuePence()), l.termMonths())).toList(),
                round.eqia() == null ? "No equality impact assessment is recorded."
                        : "Equality impact assessment (" + round.eqia().stage().toLowerCase() + " stage) dated "
                        + org.levelfield.common.web.pages.Dates.date(round.eqia().assessedOn())
                        + ", relevance " + round.eqia().relevance().toLowerCase() + ", " + round.eqia().entries().size() + " entries.",
                byStage.entrySet().stream().map(e -> new SafeguardsReport.StageSection(e.getKey(), e.getValue())).toList(),
                summary, summaryText, List.copyOf(resolved.values()));
    }

    private static String stageOf(String ruleId) {
        if (ruleId.startsWith("REG")) {
            return "Regime";
        }
        if (ruleId.startsWith("RD") || ruleId.startsWith("SS")) {
            return "Round design";
        }
        return "Scoring";
    }

    private static long count(List<JustifiedFinding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    private static String when(Instant instant) {
        return instant == null ? "-" : org.levelfield.common.web.pages.Dates.dateTime(instant);
    }
}
