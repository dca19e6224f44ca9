package org.levelfield.bidder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.application.RoundFacts;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.Ruleset;
import org.levelfield.rules.engine.Rulesets;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.rules.facts.eligibility.BidderProfileFact;
import org.levelfield.rules.facts.eligibility.ExclusionDeclaration;
import org.levelfield.rules.facts.eligibility.ExperienceFact;
import org.levelfield.rules.facts.eligibility.DebarmentListing;
import org.levelfield.rules.facts.rounddesign.ConditionsFact;
import org.levelfield.rules.facts.LotFact;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Stage;

/**
 * Anyone (with or without an account) checks, before investing in a bid, whether an organisation
 * can bid for a published lot: a result per eligibility rule (passes, fails or needs attention),
 * in plain English with the figures used, the legal source and what the organisation can do.
 * Nothing is stored. The rules are the round's frozen ruleset's (SEL-*).
 */
@Singleton
public class CheckingEligibility {

    private final Rounds rounds;
    private final Rulesets rulesets;
    private final ThresholdsConfiguration thresholds;
    private final Clock clock;
    private final PublishedRoundCache published;
    private final DebarmentList debarment;

    public CheckingEligibility(Rounds rounds, Rulesets rulesets, ThresholdsConfiguration thresholds, Clock clock,
                               PublishedRoundCache published, DebarmentList debarment) {
        this.published = published;
        this.debarment = debarment;
        this.rounds = rounds;
        this.rulesets = rulesets;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** An organisation's profile as entered for the check. Money in pence. */
    public record Profile(String name, String legalForm, Long turnoverPence, Long balanceSheetPence, Integer staffHeadcount,
                          String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking, Long consortiumTurnoverPence,
                          Boolean alternativeFinancialEvidence, List<String> experienceKinds, Boolean mandatoryExclusionGround,
                          Boolean recurrenceLikely, Integer discriminationFindings, String remedialSteps, List<Declarant> declarants,
                          Long largestExperiencePerYearPence, Boolean linkedEnterprises, String groupParent, List<Piece> experience,
                          String equalityEvidence, Boolean ehrcAction) {

        public Profile(String name, String legalForm, Long turnoverPence, Long balanceSheetPence, Integer staffHeadcount,
                       String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking, Long consortiumTurnoverPence,
                       Boolean alternativeFinancialEvidence, List<String> experienceKinds, Boolean mandatoryExclusionGround,
                       Boolean recurrenceLikely, Integer discriminationFindings, String remedialSteps, List<Declarant> declarants,
                       Long largestExperiencePerYearPence, Boolean linkedEnterprises, String groupParent, List<Piece> experience) {
            this(name, legalForm, turnoverPence, balanceSheetPence, staffHeadcount, accountsType, insuranceHeld, insuranceUndertaking,
                    consortiumTurnoverPence, alternativeFinancialEvidence, experienceKinds, mandatoryExclusionGround, recurrenceLikely,
                    discriminationFindings, remedialSteps, declarants, largestExperiencePerYearPence, linkedEnterprises, groupParent, experience,
                    null, null);
        }

        public Profile(String name, String legalForm, Long turnoverPence, Long balanceSheetPence, Integer staffHeadcount,
                       String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking, Long consortiumTurnoverPence,
                       Boolean alternativeFinancialEvidence, List<String> experienceKinds, Boolean mandatoryExclusionGround,
                       Boolean recurrenceLikely, Integer discriminationFindings, String remedialSteps, List<Declarant> declarants,
                       Long largestExperiencePerYearPence, Boolean linkedEnterprises, String groupParent) {
            this(name, legalForm, turnoverPence, balanceSheetPence, staffHeadcount, accountsType, insuranceHeld, insuranceUndertaking,
                    consortiumTurnoverPence, alternativeFinancialEvidence, experienceKinds, mandatoryExclusionGround, recurrenceLikely,
                    discriminationFindings, remedialSteps, declarants, largestExperiencePerYearPence, linkedEnterprises, groupParent, null);
        }

        public Profile(String name, String legalForm, Long turnoverPence, Long balanceSheetPence, Integer staffHeadcount,
                       String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking, Long consortiumTurnoverPence,
                       Boolean alternativeFinancialEvidence, List<String> experienceKinds, Boolean mandatoryExclusionGround,
                       Boolean recurrenceLikely, Integer discriminationFindings, String remedialSteps, List<Declarant> declarants,
                       Long largestExperiencePerYearPence) {
            this(name, legalForm, turnoverPence, balanceSheetPence, staffHeadcount, accountsType, insuranceHeld, insuranceUndertaking,
                    consortiumTurnoverPence, alternativeFinancialEvidence, experienceKinds, mandatoryExclusionGround, recurrenceLikely,
                    discriminationFindings, remedialSteps, declarants, largestExperiencePerYearPence, null, null, null);
        }

        public Profile(String name, String legalForm, Long turnoverPence, Long balanceSheetPence, Integer staffHeadcount,
                       String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking, Long consortiumTurnoverPence,
                       Boolean alternativeFinancialEvidence, List<String> experienceKinds, Boolean mandatoryExclusionGround,
                       Boolean recurrenceLikely, Integer discriminationFindings, String remedialSteps, List<Declarant> declarants) {
            this(name, legalForm, turnoverPence, balanceSheetPence, staffHeadcount, accountsType, insuranceHeld, insuranceUndertaking,
                    consortiumTurnoverPence, alternativeFinancialEvidence, experienceKinds, mandatoryExclusionGround, recurrenceLikely,
                    discriminationFindings, remedialSteps, declarants, null);
        }

        /** A profile as typed for the check, where the organisation declares for itself alone. */
        public Profile(String name, String legalForm, Long turnoverPence, Long balanceSheetPence, Integer staffHeadcount,
                       String accountsType, Boolean insuranceHeld, Boolean insuranceUndertaking, Long consortiumTurnoverPence,
                       Boolean alternativeFinancialEvidence, List<String> experienceKinds, Boolean mandatoryExclusionGround,
                       Boolean recurrenceLikely, Integer discriminationFindings, String remedialSteps) {
            this(name, legalForm, turnoverPence, balanceSheetPence, staffHeadcount, accountsType, insuranceHeld, insuranceUndertaking,
                    consortiumTurnoverPence, alternativeFinancialEvidence, experienceKinds, mandatoryExclusionGround, recurrenceLikely,
                    discriminationFindings, remedialSteps, null);
        }
    }

    /**
     * What one organisation of a bid declares about the exclusion grounds: the bidder, or a member of
     * its consortium. Without any, the profile's own answers are the bidder's declaration.
     */
    public record Declarant(String name, boolean member, Boolean mandatoryExclusionGround, Boolean recurrenceLikely,
                            Boolean discretionaryExclusionGround, List<String> registrationNumbers) {

        public Declarant(String name, boolean member, Boolean mandatoryExclusionGround, Boolean recurrenceLikely,
                         Boolean discretionaryExclusionGround) {
            this(name, member, mandatoryExclusionGround, recurrenceLikely, discretionaryExclusionGround, null);
        }

        public Declarant(String name, boolean member, Boolean mandatoryExclusionGround, Boolean recurrenceLikely) {
            this(name, member, mandatoryExclusionGround, recurrenceLikely, null, null);
        }
    }

    /** A piece of relevant work, as listed in the profile: how it was funded and the last year it ran (null: still running). */
    public record Piece(String description, String kind, Integer lastYear) {
    }

    public enum Outcome { PASSES, FAILS, NEEDS_ATTENTION }

    public record Result(String ruleId, Outcome outcome, String ruleName, String message, String citation, String force) {
    }

    /**
     * @param sme by the Procurement Act 2023 s123 figures; for a round under the 2015 regulations SEL-10's result gives the
     *            EU classification, which is the one that applies to it
     */
    public record Check(UUID roundId, UUID lotId, String lot, boolean sme, boolean vcse, boolean canBid, List<Result> results) {
    }

    public Check check(UUID roundId, UUID lotId, Profile profile) {
        PublishedRoundCache.Held held = published.published(roundId, this::thresholdsFor)
                .orElseThrow(() -> ProblemException.notFound("published round", roundId));
        Round round = held.round();
        var lot = round.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot in round '" + round.title() + "'", lotId));
        LocalDate today = today();
        BidderProfileFact bidder = validated(profile);
        Ruleset rules = rulesets.forVersion(round.rulesetVersion());
        List<Object> kept = held.lotFacts(lot.id(), today, () -> withRegime(rules, roundFacts(round, lot, today, held.thresholds())));
        return evaluate(round, lot, bidder, profile, kept, List.of(), debarment.inForceFor(numbersOf(List.of(profile))),
                facts -> rules.evaluateAlone(Stage.ELIGIBILITY, facts));
    }

    /** The round's facts with what the regime rules derive from them, so that each check runs the eligibility rules alone. */
    private static List<Object> withRegime(Ruleset rules, List<Object> roundFacts) {
        List<Object> facts = new ArrayList<>(roundFacts);
        facts.addAll(rules.regime(roundFacts));
        return facts;
    }

    /** Runs the round's frozen eligibility rules for one lot against a profile (validated first). */
    public Check evaluate(Round round, Lot lot, Profile profile) {
        return evaluate(round, lot, profile, thresholdsFor(round));
    }

    /** The thresholds a round is checked by: those frozen when it was published, else the configured ones. */
    public Thresholds thresholdsFor(Round round) {
        return rounds.frozenThresholds(round.id()).orElse(thresholds.current());
    }

    /** As {@link #evaluate(Round, Lot, Profile)}, with the round's thresholds already read (for many checks at once). */
    public Check evaluate(Round round, Lot lot, Profile profile, Thresholds limits) {
        return evaluate(round, lot, profile, limits, List.of());
    }

    /**
     * As {@link #evaluate(Round, Lot, Profile, Thresholds)}, with facts about the lot's other tenders (at award, after the
     * deadline: who else is in a tender for the lot, for SEL-09). Never before the deadline: tenders are sealed.
     */
    public Check evaluate(Round round, Lot lot, Profile profile, Thresholds limits, List<Object> lotFacts) {
        return evaluate(round, lot, profile, limits, lotFacts, debarment.inForceFor(numbersOf(List.of(profile))));
    }

    /** Every registration number the organisations of these bids give (to read the debarment list once for many checks). */
    public static List<String> numbersOf(List<Profile> profiles) {
        return profiles.stream().filter(java.util.Objects::nonNull).flatMap(p -> p.declarants() == null ? java.util.stream.Stream.empty() : p.declarants().stream())
                .filter(java.util.Objects::nonNull).flatMap(d -> d.registrationNumbers() == null ? java.util.stream.Stream.empty() : d.registrationNumbers().stream())
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The entries of the debarment list in force for any of these numbers, read once (SEL-01). */
    public List<DebarmentList.Entry> debarred(List<String> numbers) {
        return debarment.inForceFor(numbers);
    }

    /** As {@link #evaluate(Round, Lot, Profile, Thresholds, List)}, with the debarment list's entries in force already read. */
    public Check evaluate(Round round, Lot lot, Profile profile, Thresholds limits, List<Object> lotFacts, List<DebarmentList.Entry> debarred) {
        BidderProfileFact bidder = validated(profile);
        return evaluate(round, lot, bidder, profile, roundFacts(round, lot, today(), limits), lotFacts, debarred,
                facts -> rulesets.forVersion(round.rulesetVersion()).evaluate(Stage.ELIGIBILITY, facts));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ClockFactory.LONDON);
    }

    /** The round's facts on this day, without those of its other lots. */
    private static List<Object> roundFacts(Round round, Lot lot, LocalDate today, Thresholds limits) {
        List<Object> facts = new ArrayList<>();
        for (Object fact : RoundFacts.of(round, today, limits)) {
            boolean otherLot = fact instanceof LotFact l && !l.id().equals(lot.id().toString())
                    || fact instanceof ConditionsFact c && !c.lotId().equals(lot.id().toString());
            if (!otherLot) {
                facts.add(fact);
            }
        }
        return facts;
    }

    private Check evaluate(Round round, Lot lot, BidderProfileFact bidder, Profile profile, List<Object> roundFacts, List<Object> lotFacts,
                           List<DebarmentList.Entry> debarred, java.util.function.Function<List<Object>, List<Finding>> rules) {
        List<Object> facts = new ArrayList<>(roundFacts);
        facts.add(bidder);
        facts.addAll(exclusionDeclarations(bidder, profile));
        facts.addAll(debarmentListings(bidder, profile, debarred));
        if (profile.experience() != null) {
            profile.experience().stream().filter(java.util.Objects::nonNull)
                    .map(x -> new ExperienceFact(bidder.name(), x.description(), x.kind(), x.lastYear())).forEach(facts::add);
        }
        facts.addAll(lotFacts == null ? List.of() : lotFacts);
        List<Result> results = rules.apply(facts).stream()
                .filter(f -> f.ruleId().startsWith("SEL-"))
                .map(CheckingEligibility::result)
                .sorted((a, b) -> a.ruleId().compareTo(b.ruleId()))
                .toList();
        return new Check(round.id(), lot.id(), lot.title(), bidder.isSme(), bidder.isVcse(),
                results.stream().noneMatch(r -> r.outcome() == Outcome.FAILS), results);
    }

    /** One declaration per organisation of the bid (SEL-01); the bidder's own from its profile when none are listed. */
    private static List<ExclusionDeclaration> exclusionDeclarations(BidderProfileFact bidder, Profile p) {
        if (p.declarants() == null || p.declarants().isEmpty()) {
            return List.of(new ExclusionDeclaration(bidder.name(), bidder.name(), false, bidder.mandatoryExclusionGround(), bidder.recurrenceLikely()));
        }
        return p.declarants().stream().filter(java.util.Objects::nonNull).map(d -> new ExclusionDeclaration(bidder.name(),
                d.name() == null || d.name().isBlank() ? bidder.name() : d.name().strip(), d.member(),
                Boolean.TRUE.equals(d.mandatoryExclusionGround()), Boolean.TRUE.equals(d.recurrenceLikely()),
                Boolean.TRUE.equals(d.discretionaryExclusionGround()))).toList();
    }

    /** Each organisation of the bid found on the debarment list today by a registration number it gives (SEL-01). */
    private static List<DebarmentListing> debarmentListings(BidderProfileFact bidder, Profile p, List<DebarmentList.Entry> debarred) {
        List<DebarmentListing> out = new ArrayList<>();
        for (Declarant d : p.declarants() == null ? List.<Declarant>of() : p.declarants()) {
            if (d == null || d.registrationNumbers() == null || d.registrationNumbers().isEmpty() || debarred.isEmpty()) {
                continue;
            }
            String who = d.name() == null || d.name().isBlank() ? bidder.name() : d.name().strip();
            java.util.Set<String> own = d.registrationNumbers().stream().map(RegistrationNumbers::compared).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet());
            for (DebarmentList.Entry e : debarred.stream().filter(e -> own.contains(RegistrationNumbers.compared(e.registrationNumber()))).toList()) {
                out.add(new DebarmentListing(bidder.name(), who, d.member(), e.exclusionGround(), e.mandatory(), e.enteredOn(), e.ceasesOn(),
                        e.reference()));
            }
        }
        return out;
    }

    private static Result result(Finding f) {
        Outcome outcome = f.severity() == Severity.FAIL || f.severity() == Severity.BLOCK ? Outcome.FAILS
                : f.severity() == Severity.INFO ? Outcome.PASSES : Outcome.NEEDS_ATTENTION;
        return new Result(f.ruleId(), outcome, f.ruleName(), f.message(), f.citation(), f.force().name());
    }

    private static BidderProfileFact validated(Profile p) {
        List<FieldError> errors = new ArrayList<>();
        if (p == null) {
            throw ProblemException.badInput("body", "an organisation profile is required");
        }
        if (p.name() == null || p.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        FieldChecks.oneOf(errors, "legalForm", p.legalForm(), Codes.LEGAL_FORMS);
        FieldChecks.oneOf(errors, "accountsType", p.accountsType(), Codes.ACCOUNTS_TYPES);
        if (p.turnoverPence() == null || p.turnoverPence() < 0) {
            errors.add(new FieldError("turnoverPence", "is required: yearly income or turnover in pence, zero or more"));
        }
        if (p.staffHeadcount() == null || p.staffHeadcount() < 0) {
            errors.add(new FieldError("staffHeadcount", "is required: number of staff, zero or more"));
        }
        if (p.largestExperiencePerYearPence() != null && p.largestExperiencePerYearPence() < 0) {
            errors.add(new FieldError("largestExperiencePerYearPence", "must be zero or more pence"));
        }
        if (p.consortiumTurnoverPence() != null && p.consortiumTurnoverPence() < 0) {
            errors.add(new FieldError("consortiumTurnoverPence", "must be zero or more pence"));
        }
        if (p.experience() != null) {
            for (int i = 0; i < p.experience().size(); i++) {
                Piece piece = p.experience().get(i);
                if (piece == null) {
                    errors.add(new FieldError("experience[" + i + "]", "must not be null"));
                    continue;
                }
                FieldChecks.oneOf(errors, "experience[" + i + "].kind", piece.kind(), Codes.EXPERIENCE_KINDS);
                if (piece.lastYear() != null && (piece.lastYear() < 1900 || piece.lastYear() > 2100)) {
                    errors.add(new FieldError("experience[" + i + "].lastYear", "must be a year from 1900 to 2100, or left out while the work runs"));
                }
            }
        }
        if (p.equalityEvidence() != null) {
            FieldChecks.oneOf(errors, "equalityEvidence", p.equalityEvidence(), Codes.EQUALITY_EVIDENCE);
        }
        if (p.groupParent() != null && p.groupParent().length() > 300) {
            errors.add(new FieldError("groupParent", "must be at most 300 characters; it is " + p.groupParent().length()));
        }
        if (p.experienceKinds() != null) {
            for (int i = 0; i < p.experienceKinds().size(); i++) {
                FieldChecks.oneOf(errors, "experienceKinds[" + i + "]", p.experienceKinds().get(i), Codes.EXPERIENCE_KINDS);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        return new BidderProfileFact(p.name().strip(), p.legalForm(), p.turnoverPence(), p.balanceSheetPence(), p.staffHeadcount(),
                p.accountsType(), Boolean.TRUE.equals(p.insuranceHeld()), Boolean.TRUE.equals(p.insuranceUndertaking()),
                p.consortiumTurnoverPence(), Boolean.TRUE.equals(p.alternativeFinancialEvidence()),
                p.experienceKinds() == null ? List.of() : p.experienceKinds(), Boolean.TRUE.equals(p.mandatoryExclusionGround()),
                Boolean.TRUE.equals(p.recurrenceLikely()), p.discriminationFindings() == null ? 0 : p.discriminationFindings(),
                p.remedialSteps(), p.largestExperiencePerYearPence(), Boolean.TRUE.equals(p.linkedEnterprises()),
                p.groupParent() == null || p.groupParent().isBlank() ? null : p.groupParent().strip(), p.equalityEvidence(),
                Boolean.TRUE.equals(p.ehrcAction()));
    }

}
