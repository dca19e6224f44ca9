package org.levelfield.rules.facts.rounddesign;

import org.levelfield.rules.facts.AboutLot;

import java.util.List;

/** A lot's conditions of participation on experience and size, which can shut out small providers. */
public record ConditionsFact(String lotId, String lotTitle, long annualValuePence, Integer minTradingYears,
                             Long minPriorContractValuePence, Boolean publicContractExperienceOnly,
                             List<String> requiredAccreditations, Integer minStaffHeadcount) implements AboutLot {

    @Override
    public String lot() {
        return lotTitle;
    }

    public boolean isPublicExperienceOnly() {
        return Boolean.TRUE.equals(publicContractExperienceOnly);
    }

    public boolean isAccreditationRequired() {
        return requiredAccreditations != null && !requiredAccreditations.isEmpty();
    }

}
