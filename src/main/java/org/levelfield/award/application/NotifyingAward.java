package org.levelfield.award.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.award.model.AwardCalculation.LotResult;
import org.levelfield.award.model.AwardCalculation.TenderResult;
import org.levelfield.award.model.Standstill;
import org.levelfield.award.report.AssessmentSummaries;
import org.levelfield.award.report.AssessmentSummary;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.database.Sql;
import org.levelfield.common.document.IssuingDocument;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundDetails;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.Ruleset;
import org.levelfield.rules.facts.award.AwardSequence;
import org.levelfield.rules.facts.award.ContractValue;
import org.levelfield.rules.facts.IncumbentFact;
import org.levelfield.rules.facts.ProcurementRegime;
import org.levelfield.rules.facts.RoundFact;
import org.levelfield.rules.facts.ProcurementScope;
import org.levelfield.rules.facts.award.StandstillFact;
import org.levelfield.rules.application.RuleChecks;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Outcome;
import org.levelfield.rules.model.Stage;
import org.levelfield.rules.model.Verdict;
import org.levelfield.common.mail.Notices;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * After the lots are decided: each bidder's assessment summary is sent (AW-03, AW-04), then the
 * contract award notice is published and the standstill computed from it (AW-05, AW-06, AW-07),
 * then the contract is entered into, never before the standstill ends (AW-05, AW-06, AW-08).
 */
@Singleton
public class NotifyingAward {

    public static final String SUMMARY_TEMPLATE = "assessment-summary.md";

    private final Sql sql;
    private final JsonColumns json;
    private final Rounds rounds;
    private final Tenders tenders;
    private final ComputingAward awards;
    private final AwardDecisions decisions;
    private final DecidingAward deciding;
    private final AssessmentSummaries summaries;
    private final IssuingDocument issuing;
    private final IssuedDocuments documents;
    private final Notices notices;
    private final RuleChecks checks;
    private final AuditTrail audit;
    private final Clock clock;

    private final ProcurementRegimes regimes;
    private final org.levelfield.evaluation.ReasonRewrites rewrites;

    private final org.levelfield.award.report.AwardJustification justification;

    public NotifyingAward(Sql sql, JsonColumns json, Rounds rounds, Tenders tenders, ComputingAward awards, AwardDecisions decisions,
                          DecidingAward deciding, AssessmentSummaries summaries, IssuingDocument issuing, IssuedDocuments documents,
                          Notices notices, RuleChecks checks, AuditTrail audit, Clock clock, ProcurementRegimes regimes,
                          org.levelfield.evaluation.ReasonRewrites rewrites, org.levelfield.award.report.AwardJustification justification) {
        this.justification = justification;
        this.regimes = regimes;
        this.rewrites = rewrites;
        this.sql = sql;
        this.json = json;
        this.rounds = rounds;
        this.tenders = tenders;
        this.awards = awards;
        this.decisions = decisions;
        this.deciding = deciding;
        this.summaries = summaries;
        this.issuing = issuing;
        this.documents = documents;
        this.notices = notices;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
    }

    /** A summary as sent: to whom, for which lot, the document and its SHA-256. */
    public record SentSummary(UUID tenderId, String bidder, String lot, boolean successful, UUID documentId, String sha256, Instant sentAt) {
    }

    /**
     * The contract award notice of a round, its standstill and the contract's signing once recorded: in a covered
     * procurement the standstill is mandatory when any lot's contract is not light-touch (or under PCR 2015, for every
     * contract); under the Provider Selection Regime always; below the threshold or for a grant never (a voluntary one
     * may be observed). Each lot says whether its own is.
     *
     * @param scope       COVERED, BELOW_THRESHOLD, PSR or GRANT, as the regime rules derived it when the notice was published
     * @param scopeReason why, in words
     */
    public record AwardNotice(UUID roundId, LocalDate publishedOn, String regime, boolean mandatory, boolean voluntary, LocalDate lastDay,
                              LocalDate contractFrom, Standstill.Period standstill, LocalDate contractSignedOn, List<LotStandstill> lots,
                              String scope, String scopeReason) {
    }

    /**
     * One lot's standstill (AW-06): only a light-touch contract under the Procurement Act 2023 is
     * exempt; it may then be entered into from the notice day unless a voluntary standstill is observed.
     */
    public record LotStandstill(UUID lotId, String lot, boolean lightTouch, boolean mandatory, boolean observed, LocalDate contractFrom) {
    }

    public record Publishing(LocalDate publishedOn, Boolean voluntaryStandstill) {
    }

    public record Signing(LocalDate signedOn) {
    }

    // ---- assessment summaries -------------------------------------------------------------------------------

    @Transactional
    public Outcome<List<SentSummary>> sendSummaries(UUID roundId, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        // outside a covered procurement the Act's order does not bind (AW-05 only flags a notice without them), so summaries
        // left unsent at the notice can still be sent afterwards
        boolean afterNoticeAllowed = (round.status() == RoundStatus.STANDSTILL || round.status() == RoundStatus.AWARDED)
                && notice(roundId).map(n -> !"COVERED".equals(n.scope())).orElse(false);
        if (!afterNoticeAllowed) {
            requireStatus(round, RoundStatus.AWARD_PROPOSED, "assessment summaries are sent once every lot is decided, before the award notice");
        }
        AwardResult award = awards.latest(roundId);
        requireEveryLotDecided(round, award);
        if (!sent(roundId).isEmpty()) {
            throw ProblemException.wrongState("The assessment summaries for round '" + round.title() + "' were already sent.", "SENT",
                    List.of("download them (GET /api/tenders/{id}/assessment-summary.pdf)", "publish the award notice (POST /api/rounds/{id}/award-notice)"));
        }
        String regime = regime(round);
        ProcurementScope scope = regimes.scopeOf(round, deciding.rulesetFor(round), award.thresholds());
        Map<UUID, String> standstill = new java.util.HashMap<>();
        round.lots().forEach(l -> standstill.put(l.id(), standstillStatement(l, regime, scope)));
        List<Object> facts = new ArrayList<>();
        List<Object[]> prepared = new ArrayList<>();
        Map<List<UUID>, String> rewritten = new java.util.HashMap<>();
        rewrites.latestOfRound(roundId).forEach((k, reason) -> rewritten.put(List.of(k.tenderId(), k.criterionId(), k.evaluatorId()), reason));
        for (AwardDecisions.Decision d : decisions.ofRound(roundId)) {
            Lot lot = round.lot(d.lotId()).orElseThrow();
            LotResult result = lotResult(award, d.lotId());
            for (TenderResult t : result.tenders()) {
                AssessmentSummary summary = summaries.build(round, lot, result, t.tenderId(), regime, standstill.get(lot.id()), rewritten,
                        award.thresholds());
                facts.add(summaries.fact(summary, t.tenderId(), regime, toRewrite(award, result, t, rewritten)));
                prepared.add(new Object[] {t, summary});
            }
        }
        Instant now = clock.instant();
        Verdict verdict = checks.check(roundId, List.of(Stage.AWARD), deciding.rulesetFor(round), facts, now, actor.userId(),
                "The assessment summaries cannot be sent", "SUMMARIES SENT");
        if (verdict.refused()) {
            return Outcome.refused(verdict);
        }
        for (Object[] p : prepared) {
            TenderResult t = (TenderResult) p[0];
            AssessmentSummary summary = (AssessmentSummary) p[1];
            IssuingDocument.Issued issued = issuing.issue(roundId, "ASSESSMENT_SUMMARY", SUMMARY_TEMPLATE, summary,
                    "assessment-summary-" + t.tenderId() + ".pdf", actor);
            sql.update("insert into assessment_summary(tender_id, round_id, document_id, sent_at, sent_by, content) values (?,?,?,?,?, cast(? as jsonb))",
                    t.tenderId(), roundId, issued.documentId(), now, actor.userId(), json.write(summary));
            Tender tender = tenders.find(t.tenderId()).orElseThrow();
            notices.send(roundId, tender.organisationId(), tender.id(), now, "Your assessment summary for lot '" + summary.lot()
                    + "' of '" + round.title() + "' is ready: " + summary.outcome() + " Its SHA-256 is " + issued.sha256() + ".",
                    new org.levelfield.common.mail.Notices.Link("/tenders/" + tender.id() + "/award", "Read your assessment summary"));
        }
        audit.append("ASSESSMENT_SUMMARIES_SENT", roundId, actor.userId(), "round " + round.title(), Map.of("count", prepared.size()));
        return Outcome.done(sent(roundId));
    }

    public List<SentSummary> sent(UUID roundId) {
        return sql.query("""
                select s.tender_id, o.name, l.title, s.document_id, d.sha256, s.sent_at, ad.winner_tender_id
                  from assessment_summary s join tender t on t.id = s.tender_id join organisation o on o.id = t.organisation_id
                  join lot l on l.id = t.lot_id join issued_document d on d.id = s.document_id
                  left join award_decision ad on ad.lot_id = t.lot_id
                 where s.round_id = ? order by l.position, o.name""", rs -> new SentSummary(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getObject(1, UUID.class).equals(rs.getObject(7, UUID.class)), rs.getObject(4, UUID.class),
                rs.getString(5), Sql.instant(rs, "sent_at")), roundId);
    }

    /** The summary sent for a tender, as issued (the same bytes every time). */
    public IssuedDocuments.Document summaryOf(Tender tender) {
        return sql.one("select document_id from assessment_summary where tender_id = ?", rs -> rs.getObject(1, UUID.class), tender.id())
                .flatMap(documents::find)
                .orElseThrow(() -> ProblemException.notFound("assessment summary for tender", tender.id()));
    }

    /** What the tender's assessment summary said, as it was issued in its PDF; empty if none was sent (or it predates this record). */
    public Optional<AssessmentSummary> summaryContentOf(Tender tender) {
        return sql.one("select content from assessment_summary where tender_id = ? and content is not null", rs -> rs.getString(1), tender.id())
                .map(text -> json.read(text, AssessmentSummary.class));
    }

    // ---- the contract award notice and standstill -----------------------------------------------------------

    @Transactional
    public Outcome<AwardNotice> publishNotice(UUID roundId, Publishing publishing, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        LocalDate today = ClockFactory.londonDate(clock.instant());
        if (publishing == null || publishing.publishedOn() == null) {
            throw ProblemException.badInput("publishedOn", "is required: the day the contract award notice is published (YYYY-MM-DD)");
        }
        if (publishing.publishedOn().isAfter(today)) {
            throw ProblemException.badInput("publishedOn", "is " + publishing.publishedOn() + ", in the future; record the notice when it is published");
        }
        requireStatus(round, RoundStatus.AWARD_PROPOSED, "the award notice is published after every lot is decided and the summaries are sent");
        AwardResult award = awards.latest(roundId);
        requireEveryLotDecided(round, award);
        String regime = regime(round);
        ProcurementScope scope = regimes.scopeOf(round, deciding.rulesetFor(round), award.thresholds());
        boolean lightTouch = allLightTouch(round);
        boolean mandatory = switch (scope.code()) {
            case "PSR" -> true;
            case "BELOW_THRESHOLD", "GRANT" -> false;
            default -> round.lots().stream().anyMatch(l -> Standstill.mandatoryFor(Standstill.regime(regime), lightTouch(l)));
        };
        boolean voluntary = !mandatory && !Boolean.FALSE.equals(publishing.voluntaryStandstill());
        Standstill.Period period = Standstill.compute("PSR".equals(scope.code()) ? Standstill.Regime.PSR : Standstill.regime(regime), mandatory,
                publishing.publishedOn());
        LocalDate contractFrom = mandatory || voluntary ? period.contractFrom() : publishing.publishedOn();
        List<Object> facts = new ArrayList<>(sequence(round, publishing.publishedOn(), null, scope));
        facts.add(new StandstillFact(roundId.toString(), round.title(), regime, mandatory, lightTouch, voluntary, publishing.publishedOn(),
                period.lastDay(), contractFrom, null, period.basis(), scope.code(), scope.reason()));
        RoundDetails details = round.details() == null ? RoundDetails.NONE : round.details();
        for (RoundDetails.Incumbent i : details.incumbentsOrEmpty()) {
            facts.add(new IncumbentFact(roundId.toString(), i.organisation(), i.fundingType(), i.fundingPerYearPence(), i.groupServed(),
                    i.specialist(), i.fundingEndDate(), i.noticeDate()));
        }
        Instant now = clock.instant();
        Verdict verdict = checks.check(roundId, List.of(Stage.AWARD), deciding.rulesetFor(round), facts, now, actor.userId(),
                "The award notice cannot be published", "NOTICE PUBLISHED");
        if (verdict.refused()) {
            return Outcome.refused(verdict);
        }
        sql.update("""
                insert into award_notice(round_id, published_on, regime, mandatory, voluntary, last_day, contract_from, standstill, recorded_at, recorded_by,
                                         scope, scope_reason)
                values (?,?,?,?,?,?,?,cast(? as jsonb),?,?,?,?)""", roundId, publishing.publishedOn(), regime, mandatory, voluntary,
                mandatory || voluntary ? period.lastDay() : null, contractFrom, json.write(period), now, actor.userId(), scope.code(), scope.reason());
        String summary = mandatory || voluntary
                ? "Contract award notice published " + publishing.publishedOn() + "; standstill to " + period.lastDay() + "; the contract may be entered into from " + contractFrom + "."
                : "Contract award notice published " + publishing.publishedOn() + "; no standstill is observed.";
        rounds.transition(roundId, RoundStatus.AWARD_PROPOSED, RoundStatus.STANDSTILL, now, actor.userId(), summary);
        for (Tender t : tenders.ofRound(roundId)) {
            notices.send(roundId, t.organisationId(), t.id(), now, summary + " (" + round.title() + ")",
                    new org.levelfield.common.mail.Notices.Link("/tenders/" + t.id() + "/award", "Read the award notice"));
        }
        audit.append("AWARD_NOTICE_PUBLISHED", roundId, actor.userId(), "round " + round.title(), Map.of("publishedOn",
                publishing.publishedOn().toString(), "regime", regime, "contractFrom", contractFrom.toString()));
        // the public pages show the public justification from the moment the notice is out, issued with it
        justification.issuePublic(roundId, actor);
        return Outcome.done(notice(roundId).orElseThrow());
    }

    @Transactional
    public Outcome<AwardNotice> recordSigning(UUID roundId, Signing signing, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        LocalDate today = ClockFactory.londonDate(clock.instant());
        if (signing == null || signing.signedOn() == null) {
            throw ProblemException.badInput("signedOn", "is required: the day the contract was entered into (YYYY-MM-DD)");
        }
        if (signing.signedOn().isAfter(today)) {
            throw ProblemException.badInput("signedOn", "is " + signing.signedOn() + ", in the future; record the contract once it is signed");
        }
        requireStatus(round, RoundStatus.STANDSTILL, "the contract is entered into after the award notice, once the standstill ends");
        AwardNotice notice = notice(roundId).orElseThrow();
        ProcurementScope scope = new ProcurementScope(roundId.toString(), notice.scope(), notice.scopeReason());
        List<Object> facts = new ArrayList<>(sequence(round, notice.publishedOn(), signing.signedOn(), scope));
        facts.add(new StandstillFact(roundId.toString(), round.title(), notice.regime(), notice.mandatory(), allLightTouch(round), notice.voluntary(),
                notice.publishedOn(), notice.lastDay(), notice.contractFrom(), signing.signedOn(), notice.standstill().basis(), scope.code(), scope.reason()));
        for (AwardDecisions.Decision d : decisions.ofRound(roundId)) {
            Lot lot = round.lot(d.lotId()).orElseThrow();
            facts.add(new ContractValue(roundId.toString(), lot.id().toString(), lot.title(), lot.valueInclVatPence(), signing.signedOn(),
                    notice.regime(), scope.code(), scope.reason()));
        }
        Instant now = clock.instant();
        Verdict verdict = checks.check(roundId, List.of(Stage.AWARD), deciding.rulesetFor(round), facts, now, actor.userId(),
                "The contract cannot be recorded as entered into", "CONTRACT ENTERED INTO");
        if (verdict.refused()) {
            return Outcome.refused(verdict);
        }
        sql.update("update award_notice set contract_signed_on = ?, signed_recorded_at = ?, signed_recorded_by = ? where round_id = ?",
                signing.signedOn(), now, actor.userId(), roundId);
        rounds.transition(roundId, RoundStatus.STANDSTILL, RoundStatus.AWARDED, now, actor.userId(),
                "Contract entered into on " + signing.signedOn() + ", after the standstill ended on " + notice.lastDay() + ".");
        audit.append("CONTRACT_SIGNED", roundId, actor.userId(), "round " + round.title(), Map.of("signedOn", signing.signedOn().toString()));
        return Outcome.done(notice(roundId).orElseThrow());
    }

    public Optional<AwardNotice> notice(UUID roundId) {
        return sql.one("select * from award_notice where round_id = ?", rs -> new AwardNotice(rs.getObject("round_id", UUID.class),
                rs.getObject("published_on", LocalDate.class), rs.getString("regime"), rs.getBoolean("mandatory"), rs.getBoolean("voluntary"),
                rs.getObject("last_day", LocalDate.class), rs.getObject("contract_from", LocalDate.class),
                json.read(rs.getString("standstill"), new TypeReference<Standstill.Period>() { }),
                rs.getObject("contract_signed_on", LocalDate.class), List.of(), rs.getString("scope"), rs.getString("scope_reason")), roundId)
                .map(this::withLots);
    }

    /** The notice with each lot's own standstill. */
    private AwardNotice withLots(AwardNotice n) {
        Round round = rounds.find(n.roundId()).orElseThrow();
        List<LotStandstill> lots = round.lots().stream().map(l -> {
            boolean exempt = switch (n.scope()) {
                case "PSR" -> false;
                case "BELOW_THRESHOLD", "GRANT" -> true;
                default -> !Standstill.mandatoryFor(Standstill.regime(n.regime()), lightTouch(l));
            };
            boolean observed = !exempt || n.voluntary();
            LocalDate from = observed && n.standstill() != null ? n.standstill().contractFrom() : n.publishedOn();
            return new LotStandstill(l.id(), l.title(), lightTouch(l), !exempt, observed, from);
        }).toList();
        return new AwardNotice(n.roundId(), n.publishedOn(), n.regime(), n.mandatory(), n.voluntary(), n.lastDay(), n.contractFrom(),
                n.standstill(), n.contractSignedOn(), lots, n.scope(), n.scopeReason());
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    /** PRE_2006, PCR_2006, PCR_2015 or PA_2023, as REG-02 derives it from the round's commencement date. */
    public String regime(Round round) {
        return regimes.of(round, deciding.rulesetFor(round));
    }

    /** A light-touch contract (PA 2023 Sch 1, social care and other listed services): exempt from the mandatory standstill. */
    private static boolean lightTouch(Lot lot) {
        return lot.terms() != null && "SOCIAL_CARE".equals(lot.terms().mainSubjectMatter());
    }

    /** Whether every lot of the round is light-touch: only then is no standstill mandatory for the round's notice. */
    private static boolean allLightTouch(Round round) {
        return !round.lots().isEmpty() && round.lots().stream().allMatch(NotifyingAward::lightTouch);
    }

    /** What a bidder's summary says of the standstill, for its lot, under the round's regime and the rules that govern it. */
    private String standstillStatement(Lot lot, String regime, ProcurementScope scope) {
        switch (scope.code()) {
            case "PSR" -> {
                return "Under the Provider Selection Regime the standstill period is 8 working days beginning with the day after the notice of the"
                        + " intention to award is published (Health Care Services (Provider Selection Regime) Regulations 2023 reg 12). The contract"
                        + " will not be entered into before it ends.";
            }
            case "BELOW_THRESHOLD" -> {
                return "No standstill is required by law, because " + scope.reason() + ". The award notice will say whether the authority observes"
                        + " a voluntary standstill of 8 working days before the contract is entered into.";
            }
            case "GRANT" -> {
                return "This is a grant, not a contract under procurement law (" + scope.reason() + "): no standstill applies.";
            }
            default -> {
                // a covered procurement: the regime's own standstill, below
            }
        }
        if ("PA_2023".equals(regime)) {
            return lightTouch(lot)
                    ? "These are light-touch contracts: no standstill is mandatory, but the authority observes a voluntary standstill of 8 working days beginning with the day the contract award notice is published. The contract will not be entered into before it ends."
                    : "The standstill period is 8 working days beginning with the day the contract award notice is published (Procurement Act 2023 s51). The contract will not be entered into before it ends.";
        }
        Standstill.Regime r = Standstill.regime(regime);
        if (!Standstill.mandatoryFor(r, lightTouch(lot))) {
            Standstill.Period v = Standstill.compute(r, false, ClockFactory.londonDate(clock.instant()));
            return v.basis() + " The authority observes it: the contract will not be entered into before " + v.contractFrom() + ".";
        }
        Standstill.Period p = Standstill.compute(r, true, ClockFactory.londonDate(clock.instant()));
        return "The standstill period runs from the day this letter is sent to " + p.lastDay() + " inclusive ("
                + (r == Standstill.Regime.PCR_2006 ? "PCR 2006 reg 32A" : "PCR 2015 reg 87") + "); the contract will not be entered into before " + p.contractFrom() + ".";
    }

    private List<Object> sequence(Round round, LocalDate noticeOn, LocalDate signedOn, ProcurementScope scope) {
        List<SentSummary> sent = sent(round.id());
        LocalDate sentOn = sent.stream().map(s -> ClockFactory.londonDate(s.sentAt())).max(Comparator.naturalOrder()).orElse(null);
        List<String> missing = new ArrayList<>();
        AwardResult award = awards.latest(round.id());
        for (AwardDecisions.Decision d : decisions.ofRound(round.id())) {
            for (TenderResult t : lotResult(award, d.lotId()).tenders()) {
                if (sent.stream().noneMatch(s -> s.tenderId().equals(t.tenderId()))) {
                    missing.add(t.bidder());
                }
            }
        }
        // the thresholds frozen with the round (AW-07's notice period) travel with the award
        List<Object> facts = new ArrayList<>(List.of(new AwardSequence(round.id().toString(), round.title(), sentOn, missing, noticeOn, signedOn, scope.code(), scope.reason())));
        if (award.thresholds() != null) {
            facts.add(award.thresholds());
        }
        return facts;
    }

    /** The weak reasons (SC-02) a summary would show, its own tender's and the winner's, that were not rewritten. */
    private static List<String> toRewrite(AwardResult award, LotResult result, TenderResult t, Map<List<UUID>, String> rewritten) {
        java.util.Set<String> shown = new java.util.HashSet<>(List.of(t.tenderId().toString()));
        result.winner().ifPresent(w -> shown.add(w.tenderId().toString()));
        return award.weakReasons().stream().filter(w -> shown.contains(w.tenderId()))
                .filter(w -> w.evaluatorId() == null || !rewritten.containsKey(List.of(UUID.fromString(w.tenderId()), UUID.fromString(w.criterionId()),
                        UUID.fromString(w.evaluatorId()))))
                .map(w -> w.evaluator() + "'s reason on '" + w.criterion() + "' for the tender from "
                        + result.tenders().stream().filter(x -> x.tenderId().toString().equals(w.tenderId())).findFirst().map(TenderResult::bidder).orElse("?"))
                .toList();
    }

    private void requireEveryLotDecided(Round round, AwardResult award) {
        List<String> undecided = award.lots().stream().filter(l -> l.provisionalWinner() != null)
                .filter(l -> decisions.ofLot(l.lotId()).isEmpty()).map(LotResult::lot).toList();
        if (!undecided.isEmpty() || decisions.ofRound(round.id()).isEmpty()) {
            throw ProblemException.wrongState("Every lot with a provisional winner must be decided first; not yet decided: "
                    + (undecided.isEmpty() ? "no lot has been decided" : String.join(", ", undecided)) + ".", "AWAITING_DECISION",
                    List.of("decide each lot (POST /api/rounds/{id}/lots/{lotId}/decision)"));
        }
    }

    private static LotResult lotResult(AwardResult award, UUID lotId) {
        return award.lots().stream().filter(l -> l.lotId().equals(lotId)).findFirst().orElseThrow();
    }

    private static void requireStatus(Round round, RoundStatus status, String why) {
        if (round.status() != status) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status() + "; " + why + ".", round.status().name(),
                    round.status().allowedActions());
        }
    }

}
