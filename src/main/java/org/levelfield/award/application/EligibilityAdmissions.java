package org.levelfield.award.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * The commissioner's recorded decisions that a tender failing an eligibility rule at award stays
 * in the award, with the basis and reasons (PA 2023 s58 self-cleaning, a consortium member replaced
 * as the documents allowed, the SEL-02 discretionary decision). Without one, such a tender is out.
 */
@Singleton
public class EligibilityAdmissions {

    public static final List<String> BASES = List.of("SELF_CLEANING", "MEMBER_REPLACED", "DISCRETIONARY_DECISION", "CONDITION_MET_OTHERWISE");

    public record Admitting(String ruleId, String basis, String reasons) {
    }

    public record Admission(UUID tenderId, String bidder, String ruleId, String basis, String reasons, String decidedBy, Instant decidedAt) {
    }

    private final Sql sql;
    private final Tenders tenders;
    private final Rounds rounds;
    private final AwardComputations computations;
    private final org.levelfield.common.database.JsonColumns json;
    private final AuditTrail audit;
    private final Clock clock;

    public EligibilityAdmissions(Sql sql, Tenders tenders, Rounds rounds, AwardComputations computations,
                                 org.levelfield.common.database.JsonColumns json, AuditTrail audit, Clock clock) {
        this.json = json;
        this.sql = sql;
        this.tenders = tenders;
        this.rounds = rounds;
        this.computations = computations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records why a tender stays in the award although a rule failed it at award; the award must then be computed again. */
    @Transactional
    public Admission admit(UUID tenderId, Admitting admitting, Actor actor) {
        Tender tender = tenders.find(tenderId).filter(t -> !t.isDraft()).orElseThrow(() -> ProblemException.notFound("tender", tenderId));
        Round round = rounds.find(tender.roundId()).orElseThrow();
        List<ProblemException.FieldError> errors = new ArrayList<>();
        if (admitting == null || admitting.ruleId() == null || !admitting.ruleId().matches("SEL-[0-9]{2}")) {
            errors.add(new ProblemException.FieldError("ruleId", "name the eligibility rule the decision is about, like SEL-01"));
        }
        FieldChecks.oneOf(errors, "basis", admitting == null ? null : admitting.basis(), BASES);
        if (admitting == null || admitting.reasons() == null || admitting.reasons().isBlank()) {
            errors.add(new ProblemException.FieldError("reasons", "give the reasons, and the evidence they rest on"));
        } else if (admitting.reasons().length() > 10_000) {
            errors.add(new ProblemException.FieldError("reasons", "must be 10,000 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        if (round.status() != RoundStatus.EVALUATION && round.status() != RoundStatus.AWARD_PROPOSED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status() + "; eligibility at award is decided before any lot is awarded.",
                    round.status().name(), round.status().allowedActions());
        }
        boolean failed = failingRules(round.id(), tenderId).contains(admitting.ruleId());
        if (!failed) {
            throw ProblemException.wrongState("The latest award computation does not fail " + tender.organisationName() + " on " + admitting.ruleId()
                    + ": there is nothing to decide.", "NOT_FAILED", List.of("compute the award (POST /api/rounds/{id}/award)"));
        }
        if (find(tenderId, admitting.ruleId()) != null) {
            throw ProblemException.wrongState("A decision on " + admitting.ruleId() + " for " + tender.organisationName() + " was already recorded; it is kept as made.",
                    "DECIDED", List.of());
        }
        Instant now = clock.instant();
        sql.update("insert into eligibility_admission(tender_id, rule_id, basis, reasons, decided_by, decided_at) values (?,?,?,?,?,?)",
                tenderId, admitting.ruleId(), admitting.basis(), admitting.reasons().strip(), actor.userId(), now);
        audit.append("ELIGIBILITY_ADMITTED", round.id(), actor.userId(), "tender " + tenderId, Map.of("rule", admitting.ruleId(),
                "basis", admitting.basis(), "reasons", admitting.reasons().strip()));
        return find(tenderId, admitting.ruleId());
    }

    public List<Admission> ofRound(UUID roundId) {
        return sql.query("""
                select a.*, o.name as bidder, u.display_name from eligibility_admission a join tender t on t.id = a.tender_id
                join organisation o on o.id = t.organisation_id join app_user u on u.id = a.decided_by
                where t.round_id = ? order by a.decided_at, a.tender_id, a.rule_id""", this::row, roundId);
    }

    private Admission find(UUID tenderId, String ruleId) {
        return sql.one("""
                select a.*, o.name as bidder, u.display_name from eligibility_admission a join tender t on t.id = a.tender_id
                join organisation o on o.id = t.organisation_id join app_user u on u.id = a.decided_by
                where a.tender_id = ? and a.rule_id = ?""", this::row, tenderId, ruleId).orElse(null);
    }

    /** The eligibility rules the latest award computation failed the tender on. */
    private List<String> failingRules(UUID roundId, UUID tenderId) {
        return computations.latest(roundId).map(stored -> json.read(stored.resultJson(), AwardResult.class).eligibility()).orElse(List.of())
                .stream().filter(e -> e.tenderId().equals(tenderId)).flatMap(e -> e.failures().stream())
                .map(EligibilityAdmissions::ruleOf).toList();
    }

    /** The rule id a failure line starts with ("SEL-04: …"). */
    public static String ruleOf(String failure) {
        int colon = failure.indexOf(':');
        return colon > 0 ? failure.substring(0, colon) : failure;
    }

    private Admission row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Admission(rs.getObject("tender_id", UUID.class), rs.getString("bidder"), rs.getString("rule_id"), rs.getString("basis"),
                rs.getString("reasons"), rs.getString("display_name"), Sql.instant(rs, "decided_at"));
    }
}
