package org.levelfield.rules.facts.award;

import org.levelfield.rules.facts.Format;

import org.levelfield.rules.model.Subject;

/**
 * An adverse impact recorded in the award-stage equality impact assessment, and whether the
 * decision report the decision-maker was given sets it out with its mitigation (DR-03).
 *
 * @param inDecisionReport true if the report named in the decision was issued after the impact was recorded
 *                         (Levelfield's report prints every adverse impact and mitigation of the record in force)
 */
public record AdverseImpact(String eqiaId, String characteristic, String limb, String impact, String mitigation,
                            boolean inDecisionReport) implements Subject {

    public boolean isMitigationStated() {
        return mitigation != null && !mitigation.isBlank();
    }

    @Override
    public String subjectType() {
        return "eqia-entry";
    }

    @Override
    public String subjectId() {
        return eqiaId + "/" + characteristic + ":" + limb;
    }

    @Override
    public String subjectLabel() {
        return "Adverse impact on " + Format.words(characteristic) + " / " + Format.words(limb);
    }
}
