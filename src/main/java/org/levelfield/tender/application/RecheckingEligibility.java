package org.levelfield.tender.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.time.Clock;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.tender.model.TenderDetails;
import org.levelfield.bidder.CheckingEligibility;
import org.levelfield.bidder.EligibilityRuns;
import org.levelfield.bidder.OrganisationProfiles;
import org.levelfield.common.web.ProblemException;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.common.mail.Notices;
import org.levelfield.tender.model.Tender;

/**
 * At award the eligibility rules run again for every live tender, against the organisation's
 * profile as it now stands and the declarations in its tender. A result that changed since
 * submission is told to the bidder (a notice) and to the commissioner (in the award result).
 */
@Singleton
public class RecheckingEligibility {

    /** The answer at award for one tender. */
    public record AtAward(UUID tenderId, UUID lotId, String organisation, boolean canBid, boolean changed, String summary,
                          List<String> failures) {
    }

    private final EligibilityRuns runs;
    private final OrganisationProfiles profiles;
    private final Notices notices;
    private final Rounds rounds;
    private final Clock clock;

    public RecheckingEligibility(EligibilityRuns runs, OrganisationProfiles profiles, Notices notices, Rounds rounds, Clock clock) {
        this.runs = runs;
        this.profiles = profiles;
        this.notices = notices;
        this.rounds = rounds;
        this.clock = clock;
    }

    /**
     * A signed-in bidder checks its eligibility with its organisation's stored profile. The run is
     * kept, so that a later submission shows what changed since this check.
     */
    @Transactional
    public EligibilityRuns.Run selfCheck(UUID roundId, UUID lotId, Actor actor) {
        Round round = rounds.find(roundId).filter(r -> r.status() != RoundStatus.DRAFT && r.status() != RoundStatus.DESIGN_APPROVED)
                .orElseThrow(() -> ProblemException.notFound("published round", roundId));
        Lot lot = round.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot in round '" + round.title() + "'", lotId));
        if (actor.organisationId() == null) {
            throw ProblemException.forbidden("Your account is not a member of a bidding organisation; use the anonymous check instead.");
        }
        var profile = profiles.find(actor.organisationId()).orElseThrow();
        TenderEligibility.requireComplete(profile);
        return runs.run(round, lot, actor.organisationId(), null, EligibilityRuns.Stage.SELF_CHECK,
                TenderEligibility.profile(profile, TenderDetails.empty()), clock.instant());
    }

    /**
     * Every live tender's eligibility checked again at award, in one pass: the profiles are read in one query and the
     * runs kept in one batch. A tender whose organisation's profile is now incomplete cannot be checked and fails.
     */
    public List<AtAward> atAward(Round round, List<Tender> live, Instant now) {
        var profilesById = profiles.findAll(live.stream().map(Tender::organisationId).toList());
        Map<UUID, AtAward> out = new java.util.LinkedHashMap<>();
        List<EligibilityRuns.Request> requests = new ArrayList<>();
        List<Tender> checked = new ArrayList<>();
        // who is in each tender, by registration number, so SEL-09 sees an organisation in two tenders for one lot
        Map<UUID, List<org.levelfield.rules.facts.eligibility.LotParticipant>> inTender = new java.util.HashMap<>();
        for (Tender t : live) {
            var profile = profilesById.get(t.organisationId());
            if (profile != null) {
                inTender.put(t.id(), TenderEligibility.participants(t.id(), round.lot(t.lotId()).orElseThrow().title(), profile, t.details(), false));
            }
        }
        for (Tender t : live) {
            Lot lot = round.lot(t.lotId()).orElseThrow();
            try {
                List<Object> lotFacts = new ArrayList<>();
                for (Tender other : live) {
                    if (other.lotId().equals(t.lotId())) {
                        for (var p : inTender.getOrDefault(other.id(), List.of())) {
                            lotFacts.add(other.id().equals(t.id()) ? new org.levelfield.rules.facts.eligibility.LotParticipant(p.tenderId(),
                                    p.bidder(), p.organisation(), p.member(), p.registrationNumber(), p.lot(), true) : p);
                        }
                    }
                }
                requests.add(new EligibilityRuns.Request(lot, t.organisationId(), t.id(),
                        TenderEligibility.profile(profilesById.get(t.organisationId()), t.details()), lotFacts));
                checked.add(t);
                out.put(t.id(), null);
            } catch (ProblemException incomplete) {
                String why = "The eligibility rules could not run at award: the organisation's profile is now incomplete (" + incomplete.getMessage() + ").";
                out.put(t.id(), new AtAward(t.id(), lot.id(), t.organisationName(), false, true, why, List.of(why)));
                notices.send(round.id(), t.organisationId(), t.id(), now, why + " Complete the profile and tell the commissioner.",
                        new org.levelfield.common.mail.Notices.Link("/organisation/profile", "Complete your organisation's profile"));
            }
        }
        List<EligibilityRuns.Run> runsAtAward = runs.runAll(round, requests, EligibilityRuns.Stage.AWARD, now);
        for (int i = 0; i < checked.size(); i++) {
            Tender t = checked.get(i);
            EligibilityRuns.Run run = runsAtAward.get(i);
            Lot lot = round.lot(t.lotId()).orElseThrow();
            List<String> failures = run.results().stream().filter(r -> r.outcome() == CheckingEligibility.Outcome.FAILS)
                    .map(r -> r.ruleId() + ": " + r.message() + " [" + r.citation() + "]").toList();
            out.put(t.id(), new AtAward(t.id(), lot.id(), t.organisationName(), run.canBid(), run.changes().any(), run.changes().summary(), failures));
            if (run.changes().any()) {
                notices.send(round.id(), t.organisationId(), t.id(), now, "Eligibility for lot '" + lot.title() + "' of round '" + round.title()
                        + "' was checked again at award and changed. " + run.changes().summary(),
                        new org.levelfield.common.mail.Notices.Link("/tenders/" + t.id(), "See your tender"));
            }
        }
        return List.copyOf(out.values());
    }
}
