package org.levelfield.round.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Partner;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * Every partner signs off the round design (who, in what role, when); then the commissioner
 * approves it, which fixes the design approval date the equality rules (RD-01) are checked against.
 * An approved design can be reopened as a draft; changing it clears the sign-offs.
 */
@Singleton
public class ApprovingDesign {

    private final Rounds rounds;
    private final Clock clock;

    public ApprovingDesign(Rounds rounds, Clock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    public record SignOffCommand(String signatory, String signatoryRole) {
    }

    @Transactional
    public Round signOff(UUID roundId, UUID partnerId, SignOffCommand command, Actor actor) {
        Round round = draft(roundId, "recording a partner's sign-off");
        Partner partner = round.partners().stream().filter(p -> p.id().equals(partnerId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("partner of round '" + round.title() + "'", partnerId));
        if (command == null || command.signatory() == null || command.signatory().isBlank()) {
            throw ProblemException.badInput("signatory", "the name of the person signing off for " + partner.name() + " is required");
        }
        if (command.signatoryRole() == null || command.signatoryRole().isBlank()) {
            throw ProblemException.badInput("signatoryRole", "the role of the person signing off for " + partner.name() + " is required");
        }
        rounds.recordSignOff(roundId, partnerId, command.signatory().strip(), command.signatoryRole().strip(), clock.instant(), actor.userId());
        return rounds.find(roundId).orElseThrow();
    }

    @Transactional
    public Round approve(UUID roundId, Actor actor) {
        Round round = draft(roundId, "approving the design");
        List<Partner> missing = round.partnersNotSignedOff();
        if (!missing.isEmpty()) {
            throw ProblemException.wrongState("The design of '" + round.title() + "' cannot be approved until every partner has signed it off. Not yet signed off: "
                    + String.join(", ", missing.stream().map(Partner::name).toList()) + ".", round.status().name(), round.status().allowedActions());
        }
        Instant now = clock.instant();
        if (!rounds.transition(roundId, RoundStatus.DRAFT, RoundStatus.DESIGN_APPROVED, now, actor.userId(),
                "Design approved; signed off by " + org.levelfield.rules.facts.Format.count(round.signOffs().size(), "partner", "partners"))) {
            throw changedMeanwhile(round);
        }
        rounds.recordDesignApproval(roundId, now, actor.userId());
        return rounds.find(roundId).orElseThrow();
    }

    @Transactional
    public Round reopen(UUID roundId, String reason, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (round.status() != RoundStatus.DESIGN_APPROVED) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status() + "; only an approved design can be reopened.",
                    round.status().name(), round.status().allowedActions());
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badInput("reason", "say why the approved design is being reopened");
        }
        if (!rounds.transition(roundId, RoundStatus.DESIGN_APPROVED, RoundStatus.DRAFT, clock.instant(), actor.userId(),
                "Design reopened: " + reason.strip())) {
            throw changedMeanwhile(round);
        }
        rounds.clearDesignApproval(roundId);
        return rounds.find(roundId).orElseThrow();
    }

    private Round draft(UUID roundId, String action) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        if (round.status() != RoundStatus.DRAFT) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status() + "; " + action
                    + " is possible only while it is a DRAFT.", round.status().name(), round.status().allowedActions());
        }
        return round;
    }

    private static ProblemException changedMeanwhile(Round round) {
        return ProblemException.wrongState("Round '" + round.title() + "' was changed by another request; reload it.",
                round.status().name(), round.status().allowedActions());
    }
}
