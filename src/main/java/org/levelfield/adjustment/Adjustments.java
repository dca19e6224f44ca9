package org.levelfield.adjustment;

import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.common.mail.Notices;

/**
 * Reasonable adjustments (Equality Act 2010 s20 and the s149 duty): a bidder asks for one on any
 * open round (more time, another format, BSL, easy read, a meeting instead of writing); the
 * commissioner answers. The request, the answer and any deadline change are in the round's audit
 * trail. More time is never given to one bidder alone: it moves the deadline for every bidder and
 * every organisation taking part is told (equal treatment, PA 2023 s12(2)).
 */
@Singleton
public class Adjustments {

    public static final List<String> KINDS = List.of("MORE_TIME", "OTHER_FORMAT", "BSL", "EASY_READ", "MEETING", "OTHER");
    public static final List<String> DECISIONS = List.of("AGREED", "PARTLY_AGREED", "REFUSED");
    static final int MAX_DETAILS = 5000;

    public record Request(UUID id, UUID roundId, UUID organisationId, List<String> kinds, String details, LocalDate neededBy, Instant askedAt,
                          String decision, String answer, Instant answeredAt, Instant newDeadline) {
    }

    public record Ask(List<String> kinds, String details, LocalDate neededBy) {
    }

    /** The commissioner's answer; newDeadline, when given, extends the deadline for every bidder. */
    public record Answer(String decision, String answer, Instant newDeadline) {
    }

    private final Sql sql;
    private final Rounds rounds;
    private final Notices notices;
    private final AuditTrail audit;
    private final Clock clock;

    public Adjustments(Sql sql, Rounds rounds, Notices notices, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.rounds = rounds;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Request ask(UUID roundId, Ask ask, Actor actor) {
        Round round = published(roundId);
        Instant now = ClockFactory.stored(clock.instant());
        if (actor.organisationId() == null) {
            throw ProblemException.forbidden("Your account is not a member of a bidding organisation, so it cannot ask for adjustments.");
        }
        if (round.status() != RoundStatus.PUBLISHED || round.isPastDeadline(now)) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is no longer open for tenders, so adjustments to it cannot be asked for here. "
                    + "Contact the lead partner directly.", round.status().name(), round.status().allowedActions());
        }
        List<FieldError> errors = new ArrayList<>();
        if (ask == null || ask.kinds() == null || ask.kinds().isEmpty()) {
            errors.add(new FieldError("kinds", "Select at least one adjustment"));
        } else {
            for (String kind : ask.kinds()) {
                if (!KINDS.contains(kind)) {
                    errors.add(new FieldError("kinds", "must be one of " + String.join(", ", KINDS) + ", not '" + kind + "'"));
                }
            }
        }
        if (ask == null || ask.details() == null || ask.details().isBlank()) {
            errors.add(new FieldError("details", "Say what you need and why, so the commissioner can answer"));
        } else if (ask.details().length() > MAX_DETAILS) {
            errors.add(new FieldError("details", "What you need must be " + String.format("%,d", MAX_DETAILS) + " characters or fewer"));
        }
        if (ask != null && ask.neededBy() != null && ask.neededBy().isBefore(LocalDate.ofInstant(now, ClockFactory.LONDON))) {
            errors.add(new FieldError("neededBy", "The date you need it by must be today or in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        UUID id = UUID.randomUUID();
        List<String> kinds = ask.kinds().stream().distinct().toList();
        sql.update("""
                insert into adjustment_request(id, round_id, organisation_id, asked_by, kinds, details, needed_by, asked_at)
                values (?,?,?,?,?,?,?,?)""", id, roundId, actor.organisationId(), actor.userId(), kinds.toArray(String[]::new),
                ask.details().strip(), ask.neededBy(), now);
        audit.append("ADJUSTMENT_REQUESTED", roundId, actor.userId(), "adjustment " + id,
                Map.of("kinds", kinds, "details", ask.details().strip(), "neededBy", String.valueOf(ask.neededBy())));
        return find(id).orElseThrow();
    }

    @Transactional
    public Request answer(UUID id, Answer answer, Actor actor) {
        Request request = find(id).orElseThrow(() -> ProblemException.notFound("adjustment request", id));
        if (request.answeredAt() != null) {
            throw ProblemException.wrongState("This request was answered on " + request.answeredAt() + ".", "ANSWERED", List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        if (answer == null || answer.decision() == null || !DECISIONS.contains(answer.decision())) {
            errors.add(new FieldError("decision", "must be one of " + String.join(", ", DECISIONS)));
        }
        if (answer == null || answer.answer() == null || answer.answer().isBlank()) {
            errors.add(new FieldError("answer", "Say what will be done, or why it cannot be"));
        } else if (answer.answer().length() > MAX_DETAILS) {
            errors.add(new FieldError("answer", "must be " + MAX_DETAILS + " characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        Instant now = ClockFactory.stored(clock.instant());
        if (answer.newDeadline() != null) {
            extendForAll(request.roundId(), ClockFactory.stored(answer.newDeadline()), now, actor);
        }
        sql.update("""
                update adjustment_request set decision = ?, answer = ?, answered_by = ?, answered_at = ?, new_deadline = ? where id = ?""",
                answer.decision(), answer.answer().strip(), actor.userId(), now, answer.newDeadline(), id);
        audit.append("ADJUSTMENT_ANSWERED", request.roundId(), actor.userId(), "adjustment " + id,
                Map.of("decision", answer.decision(), "answer", answer.answer().strip(), "newDeadline", String.valueOf(answer.newDeadline())));
        notices.send(request.roundId(), request.organisationId(), null, now, "Your request for a reasonable adjustment was answered ("
                + answer.decision().toLowerCase(java.util.Locale.UK).replace('_', ' ') + "): " + answer.answer().strip(),
                new org.levelfield.common.mail.Notices.Link("/rounds/" + request.roundId() + "/adjustments", "See your requests and their answers"));
        return find(id).orElseThrow();
    }

    /**
     * Equal treatment: more time for one bidder is more time for all. The round's deadline moves, the
     * change is audited, and every organisation taking part is told.
     */
    private void extendForAll(UUID roundId, Instant deadline, Instant now, Actor actor) {
        Round round = published(roundId);
        if (round.status() != RoundStatus.PUBLISHED || round.isPastDeadline(now)) {
            throw ProblemException.wrongState("The deadline of round '" + round.title() + "' has passed; it can no longer be extended.",
                    round.status().name(), round.status().allowedActions());
        }
        if (!deadline.isAfter(round.tenderDeadline())) {
            throw ProblemException.badInput("newDeadline", "must be later than the current deadline, " + round.tenderDeadline());
        }
        rounds.changeDeadline(roundId, deadline);
        audit.append("DEADLINE_EXTENDED", roundId, actor.userId(), "round " + roundId,
                Map.of("from", round.tenderDeadline().toString(), "to", deadline.toString(), "reason", "reasonable adjustment"));
        String when = java.time.format.DateTimeFormatter.ofPattern("h:mma 'on' d MMMM yyyy", java.util.Locale.UK)
                .format(deadline.atZone(ClockFactory.LONDON)).replace("AM", "am").replace("PM", "pm");
        for (UUID organisation : notices.participants(roundId)) {
            notices.send(roundId, organisation, null, now, "The deadline for tenders has been extended to " + when
                    + " for every bidder, after a request for a reasonable adjustment.",
                    new org.levelfield.common.mail.Notices.Link("/rounds/" + roundId, "See the round and its new dates"));
        }
    }

    /** A bidder sees its own organisation's requests; the commissioning side and scrutiny see every request of the round. */
    public List<Request> of(UUID roundId, Actor actor) {
        published(roundId);
        if (actor.is(Role.BIDDER)) {
            return sql.query("select * from adjustment_request where round_id = ? and organisation_id = any(?) order by asked_at",
                    this::row, roundId, (Object) actor.organisations().toArray(UUID[]::new));
        }
        return sql.query("select * from adjustment_request where round_id = ? order by asked_at", this::row, roundId);
    }

    private java.util.Optional<Request> find(UUID id) {
        return sql.one("select * from adjustment_request where id = ?", this::row, id);
    }

    private Round published(UUID roundId) {
        return rounds.find(roundId).filter(r -> r.status() != RoundStatus.DRAFT && r.status() != RoundStatus.DESIGN_APPROVED)
                .orElseThrow(() -> ProblemException.notFound("published round", roundId));
    }

    private Request row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Array kinds = rs.getArray("kinds");
        return new Request(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("organisation_id", UUID.class),
                Arrays.asList((String[]) kinds.getArray()), rs.getString("details"), rs.getObject("needed_by", LocalDate.class),
                Sql.instant(rs, "asked_at"), rs.getString("decision"), rs.getString("answer"), Sql.instant(rs, "answered_at"),
                Sql.instant(rs, "new_deadline"));
    }
}
