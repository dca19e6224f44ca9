package org.levelfield.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.common.mail.Notices;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * The abnormally-low-tender process (SC-08): the commissioner notifies the bidder and asks it to
 * explain its price; the bidder's members respond; the commissioner accepts the explanation or
 * disregards the tender, with reasons. A tender cannot be disregarded before the bidder has been
 * heard. Each step is kept.
 */
@Singleton
public class AbnormallyLowTenders {

    /**
     * @param breachOfObligations whether the decision found the low price comes from not meeting obligations in
     *                            environmental, social or labour law (PCR 2015 reg 69(5)); null if not recorded
     */
    public record Process(UUID tenderId, Instant notifiedAt, String question, String response, Instant respondedAt, String decision,
                          String decisionReason, Instant decidedAt, Boolean breachOfObligations) {
    }

    public record Asking(String question) {
    }

    public record Responding(String response) {
    }

    /** @param breachOfObligations see {@link Process#breachOfObligations()}; optional, false when left out */
    public record Deciding(String decision, String reason, Boolean breachOfObligations) {
        public Deciding(String decision, String reason) {
            this(decision, reason, null);
        }
    }

    private final Sql sql;
    private final org.levelfield.common.audit.AuditTrail audit;
    private final Tenders tenders;
    private final Rounds rounds;
    private final Notices notices;
    private final Clock clock;

    public AbnormallyLowTenders(Sql sql, Tenders tenders, Rounds rounds, Notices notices, Clock clock,
                                org.levelfield.common.audit.AuditTrail audit) {
        this.audit = audit;
        this.sql = sql;
        this.tenders = tenders;
        this.rounds = rounds;
        this.notices = notices;
        this.clock = clock;
    }

    public Optional<Process> find(UUID tenderId) {
        return sql.one("select * from abnormally_low_process where tender_id = ?", AbnormallyLowTenders::row, tenderId);
    }

    /** Every process in a round, by tender, read in one query. */
    public java.util.Map<UUID, Process> ofRound(UUID roundId) {
        java.util.Map<UUID, Process> found = new java.util.HashMap<>();
        sql.query("select p.* from abnormally_low_process p join tender t on t.id = p.tender_id where t.round_id = ?", AbnormallyLowTenders::row, roundId)
                .forEach(p -> found.put(p.tenderId(), p));
        return found;
    }

    private static Process row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Process(rs.getObject("tender_id", UUID.class),
                Sql.instant(rs, "notified_at"), rs.getString("question"), rs.getString("response"), Sql.instant(rs, "responded_at"),
                rs.getString("decision"), rs.getString("decision_reason"), Sql.instant(rs, "decided_at"),
                (Boolean) rs.getObject("breach_of_obligations"));
    }

    @Transactional
    public Process notifyBidder(UUID tenderId, Asking asking, Actor actor) {
        Tender tender = inEvaluation(tenderId);
        if (asking == null || asking.question() == null || asking.question().isBlank()) {
            throw ProblemException.badInput("question", "ask the bidder what to explain about its price");
        }
        if (find(tenderId).isPresent()) {
            throw ProblemException.wrongState("The bidder for tender " + tenderId + " was already notified.", "NOTIFIED", List.of("await the response"));
        }
        Instant now = clock.instant();
        sql.update("insert into abnormally_low_process(tender_id, notified_at, notified_by, question) values (?,?,?,?)",
                tenderId, now, actor.userId(), asking.question().strip());
        audit.append("ABNORMALLY_LOW_NOTIFIED", tender.roundId(), actor.userId(), "tender " + tenderId, java.util.Map.of("question", asking.question().strip()));
        notices.send(tender.roundId(), tender.organisationId(), tenderId, now, "Your tender's price looks abnormally low. Please explain: "
                + asking.question().strip() + " Your tender is not set aside before your explanation has been read.",
                new org.levelfield.common.mail.Notices.Link("/tenders/" + tenderId + "/price-explanation", "Explain your price"));
        return find(tenderId).orElseThrow();
    }

    @Transactional
    public Process respond(UUID tenderId, Responding responding, Actor actor) {
        Tender tender = tenders.find(tenderId).filter(t -> actor.belongsTo(t.organisationId()))
                .orElseThrow(() -> ProblemException.notFound("tender of your organisation", tenderId));
        Process process = find(tenderId).orElseThrow(() -> ProblemException.wrongState("Your tender " + tender.id()
                + " has not been asked to explain its price.", "NOT_NOTIFIED", List.of()));
        if (process.response() != null) {
            throw ProblemException.wrongState("You already explained the price; the explanation is kept as given.", "RESPONDED", List.of());
        }
        if (responding == null || responding.response() == null || responding.response().isBlank()) {
            throw ProblemException.badInput("response", "explain how the price is achieved (costs, staffing, subsidy)");
        }
        sql.update("update abnormally_low_process set response = ?, responded_at = ?, responded_by = ? where tender_id = ?",
                responding.response().strip(), clock.instant(), actor.userId(), tenderId);
        audit.append("ABNORMALLY_LOW_RESPONSE", tender.roundId(), actor.userId(), "tender " + tenderId, java.util.Map.of("response", responding.response().strip()));
        return find(tenderId).orElseThrow();
    }

    @Transactional
    public Process decide(UUID tenderId, Deciding deciding, Actor actor) {
        Tender tender = inEvaluation(tenderId);
        Process process = find(tenderId).orElseThrow(() -> ProblemException.wrongState("Notify the bidder and hear its explanation before deciding.",
                "NOT_NOTIFIED", List.of("notify the bidder")));
        var errors = new java.util.ArrayList<ProblemException.FieldError>();
        FieldChecks.oneOf(errors, "decision", deciding == null ? null : deciding.decision(), List.of("ACCEPTED", "DISREGARDED"));
        if (deciding == null || deciding.reason() == null || deciding.reason().isBlank()) {
            errors.add(new ProblemException.FieldError("reason", "record the reasons for the decision"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        if (process.decision() != null) {
            throw ProblemException.wrongState("A decision was already recorded: " + process.decision() + ".", process.decision(), List.of());
        }
        if ("DISREGARDED".equals(deciding.decision()) && process.response() == null) {
            throw ProblemException.wrongState("The bidder has not yet explained its price; a tender can be disregarded only after it is heard.",
                    "AWAITING_RESPONSE", List.of("await the bidder's response"));
        }
        boolean breach = Boolean.TRUE.equals(deciding.breachOfObligations());
        sql.update("update abnormally_low_process set decision = ?, decision_reason = ?, decided_at = ?, decided_by = ?, breach_of_obligations = ? where tender_id = ?",
                deciding.decision(), deciding.reason().strip(), clock.instant(), actor.userId(), breach, tenderId);
        audit.append("ABNORMALLY_LOW_DECISION", tender.roundId(), actor.userId(), "tender " + tenderId,
                java.util.Map.of("decision", deciding.decision(), "reason", deciding.reason().strip(), "breachOfObligations", String.valueOf(breach)));
        return find(tenderId).orElseThrow();
    }

    private Tender inEvaluation(UUID tenderId) {
        Tender tender = tenders.find(tenderId).filter(t -> !t.isDraft()).orElseThrow(() -> ProblemException.notFound("tender", tenderId));
        Round round = rounds.find(tender.roundId()).orElseThrow();
        if (!round.status().isInEvaluation()) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; abnormally low tenders are handled after the deadline and before the award is made (recompute it after a decision).",
                    round.status().name(),
                    round.status().allowedActions());
        }
        return tender;
    }
}
