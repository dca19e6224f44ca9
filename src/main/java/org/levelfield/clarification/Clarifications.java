package org.levelfield.clarification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.common.mail.Notices;

/**
 * Clarification questions and answers. A bidder asks before the deadline; the commissioner
 * answers; the answer is published to every bidder on the round, numbered, without the asker's
 * name, sent as a notice to every organisation taking part, and recorded in the round's audit trail.
 * Questions and answers are never edited.
 */
@Singleton
public class Clarifications implements org.levelfield.round.application.PublishedAnswers {

    static final int MAX_QUESTION = 2_000;
    static final int MAX_ANSWER = 6_000;

    /** A clarification as a reader sees it. The asker is never shown; "yours" tells a bidder it asked it. */
    public record Clarification(UUID id, int number, UUID roundId, UUID lotId, String question, Instant askedAt, String answer,
                                Instant answeredAt, boolean published, boolean yours) {
    }

    public record Ask(String question, UUID lotId) {
    }

    public record Reply(String answer) {
    }

    private final Sql sql;
    private final Rounds rounds;
    private final Notices notices;
    private final AuditTrail audit;
    private final Clock clock;

    public Clarifications(Sql sql, Rounds rounds, Notices notices, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.sql = sql;
        this.rounds = rounds;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public Clarification ask(UUID roundId, Ask ask, Actor actor) {
        Round round = published(roundId);
        Instant now = clock.instant();
        if (actor.organisationId() == null) {
            throw ProblemException.forbidden("Your account is not a member of a bidding organisation, so it cannot ask questions.");
        }
        if (round.status() != RoundStatus.PUBLISHED || round.isPastDeadline(now)) {
            throw ProblemException.wrongState("Questions for round '" + round.title() + "' closed with tenders at " + round.tenderDeadline()
                    + "; the server time is " + now + ".", round.status().name(), round.status().allowedActions());
        }
        List<FieldError> errors = new ArrayList<>();
        if (ask == null || ask.question() == null || ask.question().isBlank()) {
            errors.add(new FieldError("question", "is required"));
        } else if (ask.question().length() > MAX_QUESTION) {
            errors.add(new FieldError("question", "has " + ask.question().length() + " characters; the limit is " + MAX_QUESTION));
        }
        if (ask != null && ask.lotId() != null && round.lot(ask.lotId()).isEmpty()) {
            errors.add(new FieldError("lotId", "no lot " + ask.lotId() + " in round '" + round.title() + "'; leave it out for a question about the whole round"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into clarification(id, round_id, lot_id, question, asked_by_org, asked_at, sequence)
                values (?,?,?,?,?,?, (select coalesce(max(sequence), 0) + 1 from clarification where round_id = ?))""",
                id, roundId, ask.lotId(), ask.question().strip(), actor.organisationId(), now, roundId);
        audit.append("CLARIFICATION_ASKED", roundId, null, "clarification " + id, java.util.Map.of("question", ask.question().strip()));
        return find(id, actor);
    }

    @Transactional
    public Clarification answer(UUID id, Reply reply, Actor actor) {
        var row = sql.one("select round_id, answer from clarification where id = ? for update",
                rs -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}, id)
                .orElseThrow(() -> ProblemException.notFound("clarification", id));
        UUID roundId = (UUID) row[0];
        Round round = rounds.find(roundId).orElseThrow();
        if (row[1] != null) {
            throw ProblemException.wrongState("Clarification " + id + " was already answered and published; answers are not edited."
                    + " Publish a further clarification if something needs correcting.", "ANSWERED", List.of("ask a new clarification"));
        }
        if (round.status() != RoundStatus.PUBLISHED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status() + "; clarifications are answered while it is PUBLISHED.",
                    round.status().name(), round.status().allowedActions());
        }
        if (reply == null || reply.answer() == null || reply.answer().isBlank()) {
            throw ProblemException.badInput("answer", "is required: the answer every bidder will read");
        }
        if (reply.answer().length() > MAX_ANSWER) {
            throw ProblemException.badInput("answer", "has " + reply.answer().length() + " characters; the limit is " + MAX_ANSWER);
        }
        Instant now = clock.instant();
        sql.update("update clarification set answer = ?, answered_by = ?, answered_at = ? where id = ? and answer is null",
                reply.answer().strip(), actor.userId(), now, id);
        Clarification published = find(id, actor);
        // Kept in the round's audit trail; the asker is not recorded there either.
        audit.append("CLARIFICATION_PUBLISHED", roundId, actor.userId(), "clarification " + published.number(),
                java.util.Map.of("question", published.question(), "answer", published.answer()));
        for (UUID organisation : notices.participants(roundId)) {
            notices.send(roundId, organisation, null, now, "Clarification " + published.number() + " for round '" + round.title()
                    + "' has been published to all bidders. Q: " + published.question() + " A: " + published.answer(),
                    new org.levelfield.common.mail.Notices.Link("/rounds/" + roundId + "/questions", "Read every question and answer for this round"));
        }
        return published;
    }

    /**
     * The clarifications of a round as this reader may see them: every published one; a bidder
     * also sees its own organisation's unanswered questions; the commissioning side sees every
     * unanswered question, still without the asker.
     */
    public List<Clarification> of(UUID roundId, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (actor.is(Role.BIDDER) && (round.status() == RoundStatus.DRAFT || round.status() == RoundStatus.DESIGN_APPROVED)) {
            throw ProblemException.notFound("round", roundId);
        }
        return sql.query("select * from clarification where round_id = ? order by sequence", rs -> row(rs, actor), roundId).stream()
                .filter(c -> c.published() || c.yours() || !actor.is(Role.BIDDER)).toList();
    }

    /** The answered clarifications of a published round, as anyone (signed in or not) may read them. */
    @Override
    public List<Answered> answeredFor(UUID roundId) {
        return answered(roundId).stream().map(c -> new Answered(c.number(), c.question(), c.answer(), c.answeredAt())).toList();
    }

    public List<Clarification> answered(UUID roundId) {
        published(roundId);
        return sql.query("select * from clarification where round_id = ? and answer is not null order by sequence",
                rs -> row(rs, null), roundId);
    }

    /** Every clarification of a round as recorded, for the rules at award (SC-14): answered ones are published to all bidders. */
    public List<org.levelfield.rules.facts.scoring.ClarificationRecord> records(UUID roundId) {
        return sql.query("select sequence, question, answer from clarification where round_id = ? order by sequence",
                rs -> new org.levelfield.rules.facts.scoring.ClarificationRecord(roundId.toString(), rs.getInt(1), rs.getString(2),
                        rs.getString(3) != null, rs.getString(3) != null), roundId);
    }

    private Clarification find(UUID id, Actor actor) {
        return sql.one("select * from clarification where id = ?", rs -> row(rs, actor), id).orElseThrow();
    }

    private Round published(UUID roundId) {
        return rounds.find(roundId).filter(r -> r.status() != RoundStatus.DRAFT && r.status() != RoundStatus.DESIGN_APPROVED)
                .orElseThrow(() -> ProblemException.notFound("published round", roundId));
    }

    private static Clarification row(java.sql.ResultSet rs, Actor actor) throws java.sql.SQLException {
        return new Clarification(rs.getObject("id", UUID.class), rs.getInt("sequence"), rs.getObject("round_id", UUID.class),
                rs.getObject("lot_id", UUID.class), rs.getString("question"), Sql.instant(rs, "asked_at"), rs.getString("answer"),
                Sql.instant(rs, "answered_at"), rs.getString("answer") != null,
                actor != null && actor.belongsTo(rs.getObject("asked_by_org", UUID.class)));
    }
}
