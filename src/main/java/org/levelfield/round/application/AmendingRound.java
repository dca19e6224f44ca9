package org.levelfield.round.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.CriterionKind;
import org.levelfield.round.model.Duty;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.rules.facts.rounddesign.AmendmentFact;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.application.RuleChecks;
import org.levelfield.common.mail.Notices;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Outcome;
import org.levelfield.rules.model.Stage;
import org.levelfield.rules.model.Verdict;

/**
 * Changing a published round's criteria (RD-27): only before the deadline, by republishing with
 * an extended deadline. The design rules run on the amended round (with the round's frozen
 * ruleset); superseded criteria are kept; every organisation with a tender on a changed lot gets
 * a notice and must resubmit.
 */
@Singleton
public class AmendingRound {

    private final Rounds rounds;
    private final Rulesets rulesets;
    private final ThresholdsConfiguration thresholds;
    private final RuleChecks checks;
    private final Sql sql;
    private final Notices notices;
    private final ObjectMapper json;
    private final Clock clock;

    public AmendingRound(Rounds rounds, Rulesets rulesets, ThresholdsConfiguration thresholds, RuleChecks checks, Sql sql, Notices notices,
                         ObjectMapper json, Clock clock) {
        this.rounds = rounds;
        this.rulesets = rulesets;
        this.thresholds = thresholds;
        this.checks = checks;
        this.sql = sql;
        this.notices = notices;
        this.json = json;
        this.clock = clock;
    }

    public record LotCriteria(UUID lotId, List<RoundCommand.CriterionCommand> criteria) {
    }

    public record AmendmentCommand(String reason, Instant newTenderDeadline, List<LotCriteria> lots) {
    }

    public record Amended(Round round, List<Finding> findings, int tendersToResubmit) {
    }

    /** The amended round, or the verdict refusing the amendment (a BLOCK, or RD-27's warning); a refusal records nothing. */
    @Transactional
    public Outcome<Amended> amend(UUID roundId, AmendmentCommand command, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (round.status() != RoundStatus.PUBLISHED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; criteria can be amended only while it is PUBLISHED (a draft is edited directly).",
                    round.status().name(), round.status().allowedActions());
        }
        RoundCommandValidation.checkAmendment(command);
        for (int i = 0; i < command.lots().size(); i++) {
            UUID lotId = command.lots().get(i).lotId();
            if (round.lot(lotId).isEmpty()) {
                throw ProblemException.badInput("lots[" + i + "].lotId", "no lot " + lotId + " in round '" + round.title() + "'");
            }
        }
        Instant now = clock.instant();
        Round amended = amendedRound(round, command);
        Thresholds frozen = rounds.frozenThresholds(roundId).orElse(thresholds.current());
        List<Object> facts = RoundFacts.of(amended, LocalDate.ofInstant(now, ClockFactory.LONDON), frozen);
        facts.add(new AmendmentFact(round.id().toString(), round.title(), LocalDate.ofInstant(now, ClockFactory.LONDON),
                LocalDate.ofInstant(round.tenderDeadline(), ClockFactory.LONDON),
                LocalDate.ofInstant(command.newTenderDeadline(), ClockFactory.LONDON), !now.isBefore(round.tenderDeadline())));
        var ruleset = rulesets.forVersion(round.rulesetVersion());
        List<Finding> findings = ruleset.evaluate(Stage.ROUND_DESIGN, facts);
        // A refused amendment leaves nothing behind: the round's design run stays the one it was published on.
        Verdict verdict = checks.judgeRecordingOnlyIfDone(roundId, Stage.ROUND_DESIGN, ruleset.version(), now, actor.userId(),
                "The amendment of '" + round.title() + "' is refused", "AMENDED", findings,
                f -> RuleChecks.blocks(f) || f.ruleId().equals("RD-27") && f.severity() == Severity.WARN,
                refusing -> "The amendment of '" + round.title() + "' is refused: "
                        + String.join("; ", refusing.stream().map(f -> f.ruleId() + " " + f.message()).toList()), findings);
        if (verdict.refused()) {
            return Outcome.refused(verdict);
        }
        for (LotCriteria lot : command.lots()) {
            rounds.supersedeCriteria(lot.lotId(), now);
            amended.lot(lot.lotId()).orElseThrow().criteria().forEach(c -> rounds.insertCriterion(lot.lotId(), c));
        }
        rounds.changeDeadline(roundId, command.newTenderDeadline());
        sql.update("insert into round_amendment(id, round_id, made_at, made_by, reason, deadline_before, deadline_after, lots_changed) values (?,?,?,?,?,?,?,cast(? as jsonb))",
                UUID.randomUUID(), roundId, now, actor.userId(), command.reason().strip(), round.tenderDeadline(), command.newTenderDeadline(),
                toJson(command.lots()));
        rounds.recordChange(roundId, RoundStatus.PUBLISHED, RoundStatus.PUBLISHED, now, actor.userId(), "Criteria amended and republished: "
                + command.reason().strip() + "; tender deadline moved from " + round.tenderDeadline() + " to " + command.newTenderDeadline());
        int resubmit = requireResubmission(round, command, now);
        return Outcome.done(new Amended(rounds.find(roundId).orElseThrow(), findings, resubmit));
    }

    private Round amendedRound(Round round, AmendmentCommand command) {
        List<Lot> lots = new ArrayList<>();
        for (Lot lot : round.lots()) {
            var change = command.lots().stream().filter(l -> l.lotId().equals(lot.id())).findFirst();
            if (change.isEmpty()) {
                lots.add(lot);
                continue;
            }
            List<Criterion> criteria = CriteriaCommands.criteria(change.get().criteria());
            lots.add(new Lot(lot.id(), lot.position(), lot.title(), lot.valueInclVatPence(), lot.termMonths(), lot.minTurnoverPence(),
                    lot.turnoverJustification(), lot.eligibilityRestriction(), lot.reservationBasis(), lot.requiresAuditedAccounts(),
                    lot.insuranceTiming(), criteria, lot.terms()));
        }
        return new Round(round.id(), round.title(), round.description(), round.status(), round.commencementDate(),
                command.newTenderDeadline(), round.createdBy(), round.createdAt(), round.publishedAt(), round.closedAt(),
                round.rulesetVersion(), round.designApprovedAt(), round.cancelledReason(), round.partners(), lots, round.eqia(),
                round.signOffs(), round.details());
    }

    /** Tenders on changed lots must be resubmitted; each organisation gets a notice saying why and by when. */
    private int requireResubmission(Round round, AmendmentCommand command, Instant now) {
        int count = 0;
        for (LotCriteria change : command.lots()) {
            String lotTitle = round.lot(change.lotId()).orElseThrow().title();
            List<UUID[]> affected = sql.query("update tender set status = 'RESUBMISSION_REQUIRED' where lot_id = ? and status = 'SUBMITTED' returning id, organisation_id",
                    rs -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}, change.lotId());
            String by = java.time.format.DateTimeFormatter.ofPattern("h:mma 'on' d MMMM yyyy", java.util.Locale.UK)
                    .format(command.newTenderDeadline().atZone(ClockFactory.LONDON)).replace("AM", "am").replace("PM", "pm");
            for (UUID[] tender : affected) {
                notices.send(round.id(), tender[1], tender[0], now,
                        "Round '" + round.title() + "' was amended: the award criteria of lot '" + lotTitle + "' changed ("
                                + command.reason().strip() + "). Your tender " + tender[0] + " no longer counts; send it again, changed if you wish, by "
                                + by + ".",
                        new Notices.Link("/rounds/" + round.id() + "/lots/" + change.lotId() + "/tender", "Check and send your tender again"));
                count++;
            }
        }
        return count;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
