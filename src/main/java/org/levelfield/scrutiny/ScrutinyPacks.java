package org.levelfield.scrutiny;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.levelfield.award.application.AwardComputations;
import org.levelfield.award.application.AwardResult;
import org.levelfield.award.model.AwardCalculation;
import org.levelfield.award.model.AwardCalculation.CriterionLine;
import org.levelfield.award.model.AwardCalculation.CriterionSpec;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.AwardCalculation.TenderInput;
import org.levelfield.award.model.AwardCalculation.TenderResult;
import org.levelfield.common.Hashing;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Stage;

/**
 * The scrutiny pack of a round: one JSON file holding every input of its award (per lot the published criteria and
 * weights, each tender's price, every evaluator's score and reason, the moderated consensus, each rule's cap with its
 * rule id, the tenders the rules disqualified and why, the tie-break), the result, every rule finding by stage, the
 * ruleset version and thresholds, each issued document's SHA-256 and the audit chain's state. Recomputing the pack's
 * inputs with the published method (the same {@link AwardCalculation} the award used) gives back every total, rank and
 * provisional winner; a pack whose inputs were altered gives back something else, and says where.
 */
@Singleton
public class ScrutinyPacks {

    public static final String FORMAT = "levelfield-scrutiny-pack/1";

    public record Pack(String format, Instant generatedAt, RoundPart round, String rulesetVersion, Thresholds thresholds,
                       AwardPart award, List<LotPart> lots, Map<String, List<Finding>> findings, List<DocumentPart> documents,
                       AuditPart audit) {
    }

    public record RoundPart(UUID id, String title, String status, long pooledTotalPence, List<String> partners, List<String> tieBreak) {
    }

    /** When the award was computed, and the SHA-256 of the computation as stored (the AWARD_COMPUTED audit entry names it). */
    public record AwardPart(Instant computedAt, String sha256) {
    }

    /** One lot: the inputs of the published method, and the result the award recorded. */
    public record LotPart(UUID lotId, String lot, int scaleMax, String priceFormula, List<String> tieBreak, List<CriterionSpec> criteria,
                          List<TenderInput> tenders, Map<UUID, List<String>> disqualified, Outcome result) {
    }

    /** @param allocation how the published lot limit (SC-13) moved the provisional winner, or null where it did not */
    public record Outcome(UUID provisionalWinner, String outcome, String allocation, List<Placing> tenders) {
    }

    public record Placing(UUID tenderId, String bidder, BigDecimal total, Integer rank, boolean disqualified) {
    }

    public record DocumentPart(UUID id, String kind, String fileName, String sha256, Instant issuedAt, String issuedBy) {
    }

    public record AuditPart(boolean intact, long entries, String lastHash, Long firstBrokenSeq) {
    }

    /** What recomputing a pack gave: whether every lot came out as recorded and, where not, how it differs. */
    public record Recomputed(boolean matches, List<LotCheck> lots) {
    }

    public record LotCheck(String lot, boolean matches, List<String> differences, List<Placing> recomputed) {
    }

    private final Rounds rounds;
    private final AwardComputations computations;
    private final RuleRuns runs;
    private final IssuedDocuments documents;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ScrutinyPacks(Rounds rounds, AwardComputations computations, RuleRuns runs, IssuedDocuments documents, AuditTrail audit,
                         ObjectMapper json, Clock clock) {
        this.rounds = rounds;
        this.computations = computations;
        this.runs = runs;
        this.documents = documents;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The pack of a round whose award has been computed; empty for an unknown round or one not yet computed. */
    public Optional<Pack> pack(UUID roundId) {
        Optional<Round> found = rounds.find(roundId);
        Optional<AwardComputations.Stored> stored = computations.latest(roundId);
        if (found.isEmpty() || stored.isEmpty()) {
            return Optional.empty();
        }
        Round round = found.get();
        AwardResult award;
        try {
            award = json.readValue(stored.get().resultJson(), AwardResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored award of round " + roundId + " cannot be read", e);
        }
        List<String> tieBreak = round.details() == null ? List.of() : round.details().tieBreakOrEmpty();
        List<LotPart> lots = award.lots().stream().map(lot -> lot(lot, tieBreak)).toList();
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        for (Stage stage : List.of(Stage.ROUND_DESIGN, Stage.SCORING, Stage.AWARD)) {
            findings.put(stage.name(), runs.latest(roundId, stage));
        }
        List<DocumentPart> issued = documents.ofRound(roundId).stream()
                .map(d -> new DocumentPart(d.id(), d.kind(), d.fileName(), d.sha256(), d.issuedAt(), d.issuedBy())).toList();
        AuditTrail.Verification verification = audit.verify();
        return Optional.of(new Pack(FORMAT, clock.instant(),
                new RoundPart(round.id(), round.title(), round.status().name(), round.pooledTotalPence(),
                        round.partners().stream().map(org.levelfield.round.model.Partner::name).toList(), tieBreak),
                award.rulesetVersion(), award.thresholds(),
                new AwardPart(award.computedAt(), Hashing.sha256(canonical(award))),
                lots, findings, issued,
                new AuditPart(verification.intact(), verification.entries(), verification.lastHash(), verification.firstBrokenSeq())));
    }

    /**
     * A lot's inputs as the award used them, read back from its result: the criteria from the lines (every tender has
     * the same), and per tender its price, the evaluators' scores, the consensus and each cap that applied.
     */
    private static LotPart lot(LotResult lot, List<String> tieBreak) {
        List<CriterionSpec> criteria = lot.tenders().isEmpty() ? List.of() : lot.tenders().getFirst().lines().stream()
                .map(l -> new CriterionSpec(l.criterionId(), l.title(), l.kind(), l.duty(), l.weight(), l.group(), l.exactWeight())).toList();
        List<TenderInput> inputs = new ArrayList<>();
        Map<UUID, List<String>> disqualified = new LinkedHashMap<>();
        for (TenderResult t : lot.tenders()) {
            Map<UUID, List<AwardCalculation.EvaluatorScore>> scores = new LinkedHashMap<>();
            Map<UUID, AwardCalculation.Consensus> consensus = new LinkedHashMap<>();
            Map<UUID, AwardCalculation.Cap> caps = new LinkedHashMap<>();
            for (CriterionLine line : t.lines()) {
                if (!line.evaluatorScores().isEmpty()) {
                    scores.put(line.criterionId(), line.evaluatorScores());
                }
                if (line.consensus() != null) {
                    consensus.put(line.criterionId(), line.consensus());
                }
                if (line.cappedBy() != null) {
                    caps.put(line.criterionId(), line.cappedBy());
                }
            }
            inputs.add(new TenderInput(t.tenderId(), t.bidder(), t.pricePence(), scores, consensus, caps));
            if (t.disqualified()) {
                disqualified.put(t.tenderId(), t.disqualifiedBecause());
            }
        }
        return new LotPart(lot.lotId(), lot.lot(), lot.scaleMax(), AwardCalculation.PriceFormula.RATIO.name(), tieBreak, criteria,
                inputs, disqualified, new Outcome(lot.provisionalWinner(), lot.outcome(), lot.allocation(), placings(lot)));
    }

    private static List<Placing> placings(LotResult lot) {
        return lot.tenders().stream().map(t -> new Placing(t.tenderId(), t.bidder(), t.total(), t.rank(), t.disqualified())).toList();
    }

    /** Reads a pack sent as JSON and recomputes it; a body that is not a pack is bad input, named. */
    public Recomputed recompute(String body) {
        Pack pack;
        try {
            pack = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(body, Pack.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.badInput("body", "This is not a Levelfield scrutiny pack: " + firstLine(e.getMessage()));
        }
        if (pack == null || !FORMAT.equals(pack.format()) || pack.lots() == null) {
            throw ProblemException.badInput("format", "A scrutiny pack says \"format\": \"" + FORMAT + "\" and lists its lots");
        }
        try {
            return recompute(pack);
        } catch (RuntimeException e) {
            throw ProblemException.badInput("lots", "The pack's inputs cannot be recomputed: " + firstLine(e.getMessage()));
        }
    }

    /** Each lot of the pack recomputed from its inputs alone and compared, tender by tender, with the result it records. */
    public static Recomputed recompute(Pack pack) {
        List<LotCheck> checks = new ArrayList<>();
        for (LotPart lot : pack.lots()) {
            LotResult again = AwardCalculation.calculate(lot.lotId(), lot.lot(), lot.scaleMax(), lot.criteria(), lot.tenders(),
                    lot.disqualified() == null ? Map.of() : lot.disqualified(), AwardCalculation.PriceFormula.valueOf(lot.priceFormula()),
                    lot.tieBreak());
            List<Placing> recomputed = placings(again);
            List<String> differences = new ArrayList<>();
            Map<UUID, Placing> recorded = new LinkedHashMap<>();
            lot.result().tenders().forEach(p -> recorded.put(p.tenderId(), p));
            for (Placing now : recomputed) {
                Placing was = recorded.remove(now.tenderId());
                if (was == null) {
                    differences.add("The tender from " + now.bidder() + " is not in the recorded result");
                    continue;
                }
                if (was.total() == null || now.total().compareTo(was.total()) != 0) {
                    differences.add("The tender from " + now.bidder() + " totals " + now.total().toPlainString() + ", not the recorded "
                            + (was.total() == null ? "nothing" : was.total().toPlainString()));
                }
                if (!Objects.equals(now.rank(), was.rank())) {
                    differences.add("The tender from " + now.bidder() + " is " + rank(now.rank()) + ", not " + rank(was.rank()) + " as recorded");
                }
                if (now.disqualified() != was.disqualified()) {
                    differences.add("The tender from " + now.bidder() + (now.disqualified() ? " is disqualified" : " is not disqualified")
                            + ", unlike the recorded result");
                }
            }
            recorded.values().forEach(p -> differences.add("The recorded tender from " + p.bidder() + " is not among the inputs"));
            // the published lot limit (SC-13) may move a lot's award after ranking; the pack records where it did
            if (lot.result().allocation() == null && !Objects.equals(again.provisionalWinner(), lot.result().provisionalWinner())) {
                differences.add("The provisional winner would be " + winner(again) + ", not the one recorded");
            }
            checks.add(new LotCheck(lot.lot(), differences.isEmpty(), List.copyOf(differences), recomputed));
        }
        return new Recomputed(checks.stream().allMatch(LotCheck::matches), List.copyOf(checks));
    }

    /**
     * The computation written as it was when it was stored and audited (the database keeps it as jsonb, which reorders
     * keys, so its text is written again from the value): its SHA-256 is the one the AWARD_COMPUTED entry names.
     */
    private String canonical(AwardResult award) {
        try {
            return json.writeValueAsString(award);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored award cannot be written again", e);
        }
    }

    /** The pack as the JSON a scrutiny member downloads, and reads back to check it. */
    public String write(Pack pack) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(pack);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scrutiny pack cannot be written", e);
        }
    }

    private static String winner(LotResult lot) {
        return lot.winner().map(TenderResult::bidder).orElse("no one");
    }

    private static String rank(Integer rank) {
        return rank == null ? "without a rank" : "ranked " + rank;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "it could not be read";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
