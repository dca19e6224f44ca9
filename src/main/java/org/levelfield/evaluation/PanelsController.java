package org.levelfield.evaluation;

import org.levelfield.tender.model.Blinding;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.tender.application.Sealing;
import org.levelfield.tender.infrastructure.Tenders;

/** Evaluation panels per lot and evaluators' conflict-of-interest declarations. */
@Controller("/api/rounds/{roundId}")
@ExecuteOn(RequestThreads.NAME)
public class PanelsController {

    private final Panels panels;
    private final Rounds rounds;
    private final Tenders tenders;
    private final Sealing sealing;

    public PanelsController(Panels panels, Rounds rounds, Tenders tenders, Sealing sealing) {
        this.panels = panels;
        this.rounds = rounds;
        this.tenders = tenders;
        this.sealing = sealing;
    }

    public record Appointing(List<UUID> evaluatorIds) {
    }

    public record MyDeclarations(List<Bidder> bidders, List<Panels.Declaration> declarations, boolean complete) {
    }

    public record Bidder(UUID organisationId, String name) {
    }

    @Post("/lots/{lotId}/panel")
    @Secured("COMMISSIONER")
    public List<Panels.Appointment> appoint(UUID roundId, UUID lotId, @Body Appointing body, Authentication authentication) {
        return panels.appoint(roundId, lotId, body == null ? null : body.evaluatorIds(), Actor.of(authentication));
    }

    public record Removing(String reason) {
    }

    /** Takes an evaluator off a lot's panel, with the reason; their scores in the lot are set aside (see {@link Panels#remove}). */
    @Post("/lots/{lotId}/panel/{evaluatorId}/removal")
    @Secured("COMMISSIONER")
    public Panels.Removal remove(UUID roundId, UUID lotId, UUID evaluatorId, @Body @io.micronaut.core.annotation.Nullable Removing body,
                                 Authentication authentication) {
        return panels.remove(roundId, lotId, evaluatorId, body == null ? null : body.reason(), Actor.of(authentication));
    }

    /** Each lot's panel; after the deadline also, per tender, how many evaluators are free to score it. */
    @Get("/panel")
    @Secured({"COMMISSIONER", "EVALUATOR", "SCRUTINY", "ADMIN"})
    public List<Panels.LotPanel> panel(UUID roundId, Authentication authentication) {
        Round round = round(roundId);
        var live = sealing.isSealed(round) ? List.<org.levelfield.tender.model.Tender>of() : tenders.ofRound(roundId);
        var status = panels.status(round, live);
        if (!Blinding.applies(round, Actor.of(authentication))) {
            return status;
        }
        return status.stream().map(p -> new Panels.LotPanel(p.lotId(), p.lot(), p.minimum(), p.members(), p.tenders().stream()
                .map(c -> new Panels.TenderCover(c.tenderId(), Blinding.label(live.stream().filter(t -> t.id().equals(c.tenderId())).findFirst()
                        .orElseThrow(), live), c.unconflicted(), c.conflicted(), c.undeclared())).toList(), p.enough())).toList();
    }

    /** What an evaluator must declare: every bidder in the round, and what they have declared so far. */
    @Get("/conflicts/mine")
    @Secured("EVALUATOR")
    public MyDeclarations mine(UUID roundId, Authentication authentication) {
        Round round = round(roundId);
        sealing.requireUnsealed(round);
        Map<UUID, String> bidders = panels.bidders(roundId);
        var declared = panels.declarations(roundId, Actor.of(authentication).userId());
        return new MyDeclarations(bidders.entrySet().stream().map(e -> new Bidder(e.getKey(), e.getValue())).toList(),
                List.copyOf(declared.values()), declared.keySet().containsAll(bidders.keySet()));
    }

    @Post("/conflicts")
    @Secured("EVALUATOR")
    public Panels.DeclarationOutcome declare(UUID roundId, @Body Panels.Declaring body, Authentication authentication) {
        return panels.declare(roundId, body, Actor.of(authentication));
    }

    /** The conflicts log: every declaration, in order, kept. */
    @Get("/conflicts")
    @Secured({"COMMISSIONER", "SCRUTINY", "ADMIN"})
    public List<Map<String, Object>> log(UUID roundId) {
        round(roundId);
        return panels.log(roundId);
    }

    private Round round(UUID roundId) {
        return rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
    }
}
