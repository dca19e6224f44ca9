package org.levelfield.award.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.award.model.AwardCalculation.CriterionLine;
import org.levelfield.award.model.AwardCalculation.EvaluatorScore;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.AwardCalculation.TenderResult;
import org.levelfield.award.model.DueRegardRecord;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.evaluation.AbnormallyLowTenders;
import org.levelfield.evaluation.Panels;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundDetails;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.facts.award.AdverseImpact;
import org.levelfield.rules.facts.award.AwardDecisionFact;
import org.levelfield.rules.facts.award.ContractTerms;
import org.levelfield.rules.facts.award.DecisionReportFact;
import org.levelfield.rules.facts.EqiaEntryFact;
import org.levelfield.rules.facts.EqiaFact;
import org.levelfield.rules.facts.monitoring.MonitoringPlanFact;
import org.levelfield.rules.facts.award.ProvisionalAward;
import org.levelfield.rules.facts.award.RecordArtefact;
import org.levelfield.rules.facts.RoundFact;
import org.levelfield.rules.model.Finding;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;
import org.levelfield.tender.model.TenderDetails;

/** Turns a lot's proposed award, the due-regard record and the decision file into the facts the award rules read. */
@Singleton
public class DecisionFacts {

    private final Panels panels;
    private final Tenders tenders;
    private final AbnormallyLowTenders abnormallyLow;

    public DecisionFacts(Panels panels, Tenders tenders, AbnormallyLowTenders abnormallyLow) {
        this.panels = panels;
        this.tenders = tenders;
        this.abnormallyLow = abnormallyLow;
    }

    public List<Object> forDecision(Round round, Lot lot, LotResult result, AwardResult award, AwardComputations.Stored computation,
                                    DueRegardRecords.Version version, IssuedDocuments.Document report, LocalDate decidedOn) {
        DueRegardRecord record = version == null ? new DueRegardRecord(null, null, null, null, null, null, null, null, null) : version.record();
        String roundId = round.id().toString();
        List<Object> facts = new ArrayList<>();
        facts.add(award.thresholds() == null ? Thresholds.DEFAULTS : award.thresholds());
        facts.add(new RoundFact(roundId, round.title(), round.commencementDate(), decidedOn, date(round.designApprovedAt()),
                date(round.publishedAt()), date(round.tenderDeadline()), round.isPooled(), round.partners().size()));

        var maker = record.decisionMaker();
        var briefing = record.briefing();
        var eqia = record.awardEqia();
        facts.add(new AwardDecisionFact(roundId, lot.id().toString(), lot.title(), maker == null ? null : maker.name(),
                maker == null ? null : maker.role(), decidedOn, briefing == null ? null : briefing.date(),
                briefing == null ? null : briefing.coversDuty(), date(computation.computedAt()), eqia == null ? null : eqia.assessedOn(),
                eqia == null ? null : eqia.severity()));

        // The report the decision-maker was given sets out the adverse impacts only if it was issued after the record in force was saved.
        boolean reportCurrent = version != null && !report.issuedAt().isBefore(version.recordedAt());
        boolean reportBeforeDecision = !date(report.issuedAt()).isAfter(decidedOn);
        if (eqia != null) {
            String eqiaId = version.id().toString();
            facts.add(new EqiaFact(eqiaId, roundId, round.title(), "AWARD", eqia.assessedOn(), eqia.relevance(), null));
            for (DueRegardRecord.Entry e : eqia.entriesOrEmpty()) {
                facts.add(new EqiaEntryFact(eqiaId, roundId, e.characteristic(), e.limb(), e.evidence(), e.impact(), e.mitigation(),
                        e.dataGap(), e.gapAction(), e.notApplicableReason(), null, e.disadvantage(), e.differentNeeds(), e.participation()));
                if (e.isAdverse()) {
                    facts.add(new AdverseImpact(eqiaId, e.characteristic(), e.limb(), e.impact(), e.mitigation(), reportCurrent && reportBeforeDecision));
                }
            }
        }

        // the design-stage assessment, so that DR-05 can see the data gaps it recorded carried forward
        if (round.eqia() != null) {
            String designId = round.eqia().id().toString();
            facts.add(new EqiaFact(designId, roundId, round.title(), "DESIGN", round.eqia().assessedOn(), round.eqia().relevance(),
                    round.eqia().specialistImpact()));
            for (var e : round.eqia().entries()) {
                facts.add(new EqiaEntryFact(designId, roundId, e.characteristic(), e.limb(), e.evidence(), e.impact(), e.mitigation(),
                        e.dataGap(), e.gapAction(), e.notApplicableReason(), e.decision(), e.disadvantage(), e.differentNeeds(),
                        e.participation()));
            }
        }

        List<Tender> submitted = tenders.ofRound(round.id()).stream().filter(t -> t.lotId().equals(lot.id())).toList();
        facts.addAll(artefacts(round, lot, result, award, record, submitted, reportCurrent, reportBeforeDecision, report));
        facts.add(reportContents(round, lot, result, record, submitted));

        TenderResult winner = result.winner().orElse(null);
        TenderResult runnerUp = result.runnerUp().orElse(null);
        facts.add(new ProvisionalAward(roundId, lot.id().toString(), lot.title(), winner == null ? null : winner.tenderId().toString(),
                winner == null ? null : winner.bidder(), winner == null ? null : winner.total(), runnerUp == null ? null : runnerUp.bidder(),
                runnerUp == null ? null : runnerUp.total(), result.outcome()));

        RoundDetails details = round.details() == null ? RoundDetails.NONE : round.details();
        List<String> winners = award.lots().stream().flatMap(l -> l.winner().stream()).map(TenderResult::bidder).toList();
        List<String> specialistsLosing = details.incumbentsOrEmpty().stream().filter(RoundDetails.Incumbent::isSpecialist)
                .filter(i -> winners.stream().noneMatch(i::isNamed)).map(RoundDetails.Incumbent::organisation).toList();
        facts.add(new ContractTerms(roundId, round.title(), details.contractClauses(), record.reviewSchedule(), record.monitoringPlan() != null,
                specialistsLosing, record.specialistProvisionPlan()));

        var plan = record.monitoringPlan();
        List<String> partners = winner == null ? List.of() : submitted.stream().filter(t -> t.id().equals(winner.tenderId()))
                .flatMap(t -> t.details().subcontractors().stream()).map(TenderDetails.Subcontractor::name).toList();
        facts.add(new MonitoringPlanFact(roundId, round.title(), plan != null, plan == null ? null : plan.frequency(),
                plan == null ? List.of() : plan.disaggregatedBy(), details.monitoringCharacteristics(),
                plan == null ? null : plan.suppressionThreshold(), plan == null || plan.needsBaseline() == null ? 0 : plan.needsBaseline().size(),
                plan == null ? null : plan.disparityPct(), plan == null ? null : plan.subcontractSpendReported(), partners));
        return facts;
    }

    private List<RecordArtefact> artefacts(Round round, Lot lot, LotResult result, AwardResult award, DueRegardRecord record,
                                           List<Tender> submitted, boolean reportCurrent, boolean reportBeforeDecision,
                                           IssuedDocuments.Document report) {
        String id = round.id().toString();
        List<RecordArtefact> artefacts = new ArrayList<>();
        artefacts.add(new RecordArtefact(id, "the design-stage equality impact assessment", true, round.eqia() != null,
                round.eqia() == null ? "no design-stage assessment is recorded" : "dated " + round.eqia().assessedOn()));
        boolean consulted = round.details() != null && round.details().consultation() != null;
        artefacts.add(new RecordArtefact(id, "the consultation responses considered", consulted, present(record.consultationResponsesConsidered()),
                consulted ? "the round consulted from " + round.details().consultation().start() + "; record how the responses were considered"
                        : "no consultation was recorded"));
        List<String> unexplained = new ArrayList<>();
        boolean moderated = false;
        boolean moderationNoted = true;
        for (TenderResult t : result.tenders()) {
            for (CriterionLine line : t.lines()) {
                for (EvaluatorScore e : line.evaluatorScores()) {
                    if (!present(e.reason())) {
                        unexplained.add(t.bidder() + " / " + line.title() + " by " + e.evaluator());
                    }
                }
                if (line.consensus() != null) {
                    moderated = true;
                    moderationNoted &= present(line.consensus().reason());
                }
            }
        }
        artefacts.add(new RecordArtefact(id, "scoring notes", true, unexplained.isEmpty(),
                unexplained.isEmpty() ? "every score has its reason" : "scores without a reason: " + String.join("; ", unexplained)));
        artefacts.add(new RecordArtefact(id, "moderation notes", moderated, moderationNoted,
                moderated ? "every consensus score needs its reason" : "no scores were moderated"));
        List<String> flagged = award.findings().stream().filter(f -> "SC-08".equals(f.ruleId()))
                .map(Finding::subjectId).filter(s -> submitted.stream().anyMatch(t -> t.id().toString().equals(s))).distinct().toList();
        List<String> undecided = flagged.stream().filter(s -> abnormallyLow.find(UUID.fromString(s))
                .map(p -> p.decision() == null || !present(p.decisionReason())).orElse(true)).toList();
        artefacts.add(new RecordArtefact(id, "the abnormally low tender process", !flagged.isEmpty(), undecided.isEmpty(),
                flagged.isEmpty() ? "no price in this lot was flagged as abnormally low"
                        : undecided.size() + " of " + flagged.size() + " flagged tender(s) have no decision with reasons"));
        List<String> undeclared = panels.status(round, submitted).stream().filter(p -> p.lotId().equals(lot.id()))
                .flatMap(p -> p.tenders().stream()).flatMap(c -> c.undeclared().stream()).distinct().toList();
        artefacts.add(new RecordArtefact(id, "conflict of interest declarations", true, undeclared.isEmpty(),
                undeclared.isEmpty() ? "every evaluator declared for every bidder" : "no declaration from " + String.join(", ", undeclared)));
        artefacts.add(new RecordArtefact(id, "the decision report given to the decision-maker", true, reportCurrent && reportBeforeDecision,
                !reportCurrent ? "the award justification " + report.sha256().substring(0, 12) + " was issued before the due-regard record in force; issue it again"
                        : !reportBeforeDecision ? "the award justification was issued after the decision date, so the decision-maker cannot have had it"
                        : "award justification " + report.sha256().substring(0, 12)));
        artefacts.add(new RecordArtefact(id, "the minutes", true, present(record.minutes()),
                present(record.minutes()) ? "recorded" : "no minutes of the decision are recorded"));
        return artefacts;
    }

    private DecisionReportFact reportContents(Round round, Lot lot, LotResult result, DueRegardRecord record, List<Tender> submitted) {
        TenderResult winner = result.winner().orElse(null); // no winner at all is AW-01's finding, not a missing section
        boolean winnerReasons = winner == null || winner.lines().stream().allMatch(l -> l.evaluatorScores().stream().allMatch(e -> present(e.reason())));
        boolean rejectionReasons = result.tenders().stream().filter(t -> winner == null || !t.tenderId().equals(winner.tenderId()))
                .allMatch(t -> t.disqualified() ? !t.disqualifiedBecause().isEmpty() : t.rank() != null);
        boolean altReasons = submitted.stream().map(t -> abnormallyLow.find(t.id())).flatMap(java.util.Optional::stream)
                .filter(p -> p.decision() != null).allMatch(p -> present(p.decisionReason()));
        boolean lotsDecision = round.lots().size() > 1 || (round.details() != null && present(round.details().lotsReason()));
        boolean conflictsRecorded = panels.log(round.id()).stream().filter(row -> Boolean.TRUE.equals(row.get("conflicted")))
                .allMatch(row -> present((String) row.get("nature")));
        return new DecisionReportFact(round.id().toString(), lot.id().toString(), lot.title(), winnerReasons, rejectionReasons, altReasons,
                lotsDecision, conflictsRecorded, present(record.equalityEffect()));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static LocalDate date(java.time.Instant instant) {
        return ClockFactory.londonDate(instant);
    }
}
