package org.levelfield.award.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Singleton;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.round.model.Round;
import org.levelfield.rules.engine.Ruleset;
import org.levelfield.round.application.RoundFacts;
import org.levelfield.rules.facts.ProcurementRegime;
import org.levelfield.rules.facts.ProcurementScope;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.rules.facts.RoundFact;
import org.levelfield.rules.model.Stage;

/**
 * The procurement law governing a round, as REG-02 derives it from the round's commencement date, and the set of its
 * rules that governs the round (REG-03, REG-04, REG-05 derive the {@link ProcurementScope} from the design).
 */
@Singleton
public class ProcurementRegimes {

    private final Clock clock;

    ProcurementRegimes(Clock clock) {
        this.clock = clock;
    }

    /** PRE_2006, PCR_2006, PCR_2015 or PA_2023; PCR_2015 if the ruleset derives none. */
    public String of(Round round, Ruleset ruleset) {
        LocalDate today = ClockFactory.londonDate(clock.instant());
        List<ProcurementRegime> derived = ruleset.run(Stage.REGIME, List.of(new RoundFact(round.id().toString(), round.title(),
                round.commencementDate(), today, null, null, null, round.isPooled(), round.partners().size())), ProcurementRegime.class).derived();
        return derived.stream().map(ProcurementRegime::code).findFirst().orElse("PCR_2015");
    }

    /**
     * COVERED, BELOW_THRESHOLD, PSR or GRANT, as the regime rules derive it from the round's design, lots and dates with
     * the thresholds frozen with it; a covered procurement if they derive none.
     */
    public ProcurementScope scopeOf(Round round, Ruleset ruleset, Thresholds frozen) {
        LocalDate today = ClockFactory.londonDate(clock.instant());
        List<ProcurementScope> derived = ruleset.run(Stage.REGIME, RoundFacts.of(round, today, frozen == null ? Thresholds.DEFAULTS : frozen),
                ProcurementScope.class).derived();
        return derived.stream().filter(s -> s.roundId().equals(round.id().toString())).findFirst()
                .orElse(new ProcurementScope(round.id().toString(), "COVERED", "no other scope was derived, so the full procurement rules are applied"));
    }
}
