package org.levelfield.award.application;

import java.time.Clock;
import java.time.Instant;
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
import org.levelfield.round.model.Partner;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * Each funding partner of the pooled budget signs off the proposed award. A sign-off is of one
 * award computation: if the award is computed again, the partners sign off again.
 */
@Singleton
public class AwardSignOffs {

    private final Sql sql;
    private final Rounds rounds;
    private final AwardComputations computations;
    private final AuditTrail audit;
    private final Clock clock;

    public AwardSignOffs(Sql sql, Rounds rounds, AwardComputations computations, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.rounds = rounds;
        this.computations = computations;
        this.audit = audit;
        this.clock = clock;
    }

    public record Signing(String signatory, String signatoryRole) {
    }

    /** A partner and its sign-off of the award in force, if any. */
    public record PartnerSignOff(UUID partnerId, String partner, String contribution, boolean signed, String signatory, String signatoryRole,
                                 Instant signedAt) {
    }

    @Transactional
    public PartnerSignOff sign(UUID roundId, UUID partnerId, Signing signing, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Partner partner = round.partners().stream().filter(p -> p.id().equals(partnerId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("partner of this round", partnerId));
        if (signing == null || blank(signing.signatory()) || blank(signing.signatoryRole())) {
            throw ProblemException.badInput(List.of(new ProblemException.FieldError("signatory", "is required: who signs for " + partner.name()),
                    new ProblemException.FieldError("signatoryRole", "is required: the signatory's role")));
        }
        if (round.status() != RoundStatus.AWARD_PROPOSED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; partners sign off an award that has been proposed.", round.status().name(), round.status().allowedActions());
        }
        UUID computation = computations.latest(roundId).orElseThrow().id();
        boolean already = sql.one("select 1 from award_sign_off where partner_id = ? and computation_id = ?", rs -> 1, partnerId, computation)
                .isPresent();
        if (already) {
            throw ProblemException.wrongState(partner.name() + " has already signed off this award.", "SIGNED_OFF",
                    List.of("sign off again only after the award is recomputed"));
        }
        Instant at = clock.instant();
        sql.update("""
                insert into award_sign_off(id, round_id, partner_id, computation_id, signatory, signatory_role, signed_at, recorded_by)
                values (?,?,?,?,?,?,?,?)""", UUID.randomUUID(), roundId, partnerId, computation, signing.signatory().strip(),
                signing.signatoryRole().strip(), at, actor.userId());
        audit.append("AWARD_SIGNED_OFF", roundId, actor.userId(), "partner " + partner.name(),
                Map.of("signatory", signing.signatory().strip(), "role", signing.signatoryRole().strip(), "computation", computation.toString()));
        return of(round).stream().filter(p -> p.partnerId().equals(partnerId)).findFirst().orElseThrow();
    }

    /** Every partner, signed off the award in force or not. */
    public List<PartnerSignOff> of(Round round) {
        UUID computation = computations.latest(round.id()).map(AwardComputations.Stored::id).orElse(null);
        return round.partners().stream().map(p -> sql.one("""
                        select signatory, signatory_role, signed_at from award_sign_off where partner_id = ? and computation_id = ?""",
                rs -> new PartnerSignOff(p.id(), p.name(), org.levelfield.rules.facts.Format.pounds(p.contributionPence()), true,
                        rs.getString(1), rs.getString(2), Sql.instant(rs, "signed_at")), p.id(), computation)
                .orElse(new PartnerSignOff(p.id(), p.name(), org.levelfield.rules.facts.Format.pounds(p.contributionPence()), false,
                        null, null, null))).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
