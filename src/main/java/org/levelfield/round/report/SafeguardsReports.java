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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm").withZone(ClockFactory.LONDON);

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
                            + " (" + WHEN.format(f.justification().recordedAt()) + ")",
                    f.justification() == null ? null : f.justification().text()));
        }
        return new SafeguardsReport("Safeguards report: " + round.title(), when(clock.instant()), round.title(), round.status().name(),
                round.rulesetVersion() == null ? "not yet published (rules in force now)" : round.rulesetVersion(),
                Format.pounds(round.pooledTotalPence()), when(round.designApprovedAt()),
                round.partners().stream().map(p -> {
                    var signOff = round.signOffs().stream().filter(s -> s.partnerId().equals(p.id())).findFirst();
                    return new SafeguardsReport.PartnerLine(p.name(), p.type(), Format.pounds(p.contributionPence()),
                            round.shareOf(p).toPlainString() + "%",
                            signOff.map(s -> s.signatory() + ", " + s.signatoryRole()).orElse("not signed off"),
                            signOff.map(s -> when(s.signedAt())).orElse("-"));
                }).toList(),
                round.lots().stream().map(l -> new SafeguardsReport.LotLine(l.title(), Format.pounds(l.valueInclVatPence()),
                        Format.pounds(l.annualValuePence()), l.termMonths())).toList(),
                round.eqia() == null ? "No equality impact assessment is recorded."
                        : "Equality impact assessment (" + round.eqia().stage().toLowerCase() + " stage) dated " + round.eqia().assessedOn()
                        + ", relevance " + round.eqia().relevance().toLowerCase() + ", " + round.eqia().entries().size() + " entries.",
                byStage.entrySet().stream().map(e -> new SafeguardsReport.StageSection(e.getKey(), e.getValue())).toList(),
                new SafeguardsReport.Summary(count(findings, Severity.BLOCK), count(findings, Severity.FAIL), count(findings, Severity.WARN),
                        findings.stream().filter(JustifiedFinding::isUnansweredWarning).count(), count(findings, Severity.FLAG),
                        count(findings, Severity.INFO)));
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
        return instant == null ? "-" : WHEN.format(instant);
    }
}
