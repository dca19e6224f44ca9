package org.levelfield.round.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.CriterionKind;
import org.levelfield.round.model.Duty;
import org.levelfield.rules.model.Fraction;

/**
 * A lot's criteria as entered (already validated) turned into the published list: each criterion
 * followed by its sub-criteria, numbered in that order, a sub-criterion taking its kind, what it
 * assesses and its scoring basis from its criterion.
 */
final class CriteriaCommands {

    private CriteriaCommands() {
    }

    static List<Criterion> criteria(List<RoundCommand.CriterionCommand> given) {
        List<Criterion> criteria = new ArrayList<>();
        for (RoundCommand.CriterionCommand c : given) {
            UUID id = UUID.randomUUID();
            String assesses = c.assesses() == null ? "TENDER" : c.assesses();
            String descriptors = blankToNull(c.descriptors());
            criteria.add(new Criterion(id, criteria.size(), c.title().strip(), CriterionKind.valueOf(c.kind()),
                    c.duty() == null ? null : Duty.valueOf(c.duty()), c.weight(), descriptors, c.wordLimit(), assesses,
                    c.scoringBasis(), blankToNull(c.methodology()), c.minScore(), null, null));
            for (RoundCommand.SubCriterionCommand sub : c.subCriteria() == null ? List.<RoundCommand.SubCriterionCommand>of() : c.subCriteria()) {
                Fraction weight = Fraction.parse(sub.weight()).orElseThrow();
                criteria.add(new Criterion(UUID.randomUUID(), criteria.size(), sub.title().strip(), CriterionKind.valueOf(c.kind()),
                        sub.duty() == null ? null : Duty.valueOf(sub.duty()), weight.decimal(),
                        blankToNull(sub.descriptors()) == null ? descriptors : sub.descriptors().strip(),
                        sub.wordLimit() == null ? c.wordLimit() : sub.wordLimit(), assesses, c.scoringBasis(),
                        blankToNull(c.methodology()), sub.minScore(), id, weight.toString()));
            }
        }
        return criteria;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
