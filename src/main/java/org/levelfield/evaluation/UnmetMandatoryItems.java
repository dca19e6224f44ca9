package org.levelfield.evaluation;

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
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.LotTerms;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * The evaluation's finding that a tender does not meet one of its lot's published mandatory items
 * (SC-09), recorded by the commissioner with reasons, although the bidder said it does. At award it
 * fails the tender. A finding made after the award was computed makes that computation stale: the
 * round goes back to evaluation until the award is computed again.
 */
@Singleton
public class UnmetMandatoryItems {

    public record Recording(String item, String reasons) {
    }

    public record Finding(UUID tenderId, String bidder, String item, String reasons, String recordedBy, Instant recordedAt) {
    }

    private final Sql sql;
    private final Tenders tenders;
    private final Rounds rounds;
    private final AuditTrail audit;
    private final Clock clock;

    public UnmetMandatoryItems(Sql sql, Tenders tenders, Rounds rounds, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.tenders = tenders;
        this.rounds = rounds;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Finding record(UUID tenderId, Recording recording, Actor actor) {
        Tender tender = tenders.find(tenderId).filter(t -> !t.isDraft()).orElseThrow(() -> ProblemException.notFound("tender", tenderId));
        Round round = rounds.find(tender.roundId()).orElseThrow();
        Lot lot = round.lot(tender.lotId()).orElseThrow();
        List<String> published = (lot.terms() == null ? LotTerms.NONE : lot.terms()).mandatoryItems();
        List<ProblemException.FieldError> errors = new ArrayList<>();
        if (recording == null || recording.item() == null || !published.contains(recording.item().strip())) {
            errors.add(new ProblemException.FieldError("item", published.isEmpty()
                    ? "lot '" + lot.title() + "' published no mandatory items"
                    : "name one of lot '" + lot.title() + "''s published mandatory items: " + String.join("; ", published)));
        }
        if (recording == null || recording.reasons() == null || recording.reasons().isBlank()) {
            errors.add(new ProblemException.FieldError("reasons", "say what in the tender shows the item is not met"));
        } else if (recording.reasons().length() > 10_000) {
            errors.add(new ProblemException.FieldError("reasons", "must be 10,000 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        if (round.status() != RoundStatus.EVALUATION && round.status() != RoundStatus.AWARD_PROPOSED || anyLotDecided(round.id())) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; the evaluation's findings on mandatory items are recorded after the deadline and before any lot is decided.",
                    round.status().name(), round.status().allowedActions());
        }
        String item = recording.item().strip();
        if (find(tenderId, item) != null) {
            throw ProblemException.wrongState("The finding that " + tender.organisationName() + " does not meet '" + item
                    + "' was already recorded; it is kept as made.", "RECORDED", List.of());
        }
        Instant now = clock.instant();
        sql.update("insert into mandatory_item_finding(tender_id, item, reasons, recorded_by, recorded_at) values (?,?,?,?,?)",
                tenderId, item, recording.reasons().strip(), actor.userId(), now);
        audit.append("MANDATORY_ITEM_UNMET", round.id(), actor.userId(), "tender " + tenderId, Map.of("item", item, "reasons", recording.reasons().strip()));
        if (round.status() == RoundStatus.AWARD_PROPOSED) {
            rounds.transition(round.id(), RoundStatus.AWARD_PROPOSED, RoundStatus.EVALUATION, now, actor.userId(),
                    "The evaluation found a tender does not meet a mandatory item after the award was computed; the award must be computed again (SC-09).");
        }
        return find(tenderId, item);
    }

    public List<Finding> ofRound(UUID roundId) {
        return sql.query(SELECT + " where t.round_id = ? order by f.recorded_at, f.tender_id, f.item", this::row, roundId);
    }

    private Finding find(UUID tenderId, String item) {
        return sql.one(SELECT + " where f.tender_id = ? and f.item = ?", this::row, tenderId, item).orElse(null);
    }

    private boolean anyLotDecided(UUID roundId) {
        return sql.one("select count(*) from award_decision where round_id = ?", rs -> rs.getLong(1), roundId).orElse(0L) > 0;
    }

    private static final String SELECT = """
            select f.*, o.name as bidder, u.display_name from mandatory_item_finding f join tender t on t.id = f.tender_id
            join organisation o on o.id = t.organisation_id join app_user u on u.id = f.recorded_by""";

    private Finding row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Finding(rs.getObject("tender_id", UUID.class), rs.getString("bidder"), rs.getString("item"), rs.getString("reasons"),
                rs.getString("display_name"), Sql.instant(rs, "recorded_at"));
    }
}
