package org.levelfield.rules.facts;

import java.util.List;

import org.levelfield.rules.model.Subject;

/** A lot's conditions of participation on experience and size, which can shut out small providers. */
public record ConditionsFact(String lotId, String lotTitle, long annualValuePence, Integer minTradingYears,
                             Long minPriorContractValuePence, Boolean publicContractExperienceOnly,
                             List<String> requiredAccreditations, Integer minStaffHeadcount) implements Subject {

    public boolean isPublicExperienceOnly() {
        return Boolean.TRUE.equals(publicContractExperienceOnly);
    }

    public boolean isAccreditationRequired() {
        return requiredAccreditations != null && !requiredAccreditations.isEmpty();
    }

    @Override
    public String subjectType() {
        return "lot";
    }

    @Override
    public String subjectId() {
        return lotId;
    }

    @Override
    public String subjectLabel() {
        return "Lot '" + lotTitle + "'";
    }
}
