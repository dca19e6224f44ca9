package org.levelfield.rules.facts.rounddesign;

import org.levelfield.rules.facts.AboutLot;

import java.util.List;

/**
 * A lot's conditions of participation on experience, size and insurance, which can shut out small providers, and what
 * the tender asks of bidders (questions, documents).
 *
 * @param questionCount         the quality questions the tender asks, as stated by the authority; null if not stated (SS-05)
 * @param requestedDocuments    documents every bidder must upload (SS-05)
 * @param minContractCount      pieces of comparable work a bidder must show, if any (RD-08, SEL-08)
 * @param experiencePeriodYears within how many years (RD-08, SEL-08); null for no period
 */
public record ConditionsFact(String lotId, String lotTitle, long annualValuePence, Integer minTradingYears,
                             Long minPriorContractValuePence, Boolean publicContractExperienceOnly,
                             List<String> requiredAccreditations, Integer minStaffHeadcount, Integer questionCount,
                             List<String> requestedDocuments, Integer minContractCount, Integer experiencePeriodYears,
                             Long publicLiabilityCoverPence, Long employersLiabilityCoverPence, Long professionalIndemnityCoverPence,
                             Boolean equalityEvidenceRequired)
        implements AboutLot {

    public ConditionsFact(String lotId, String lotTitle, long annualValuePence, Integer minTradingYears,
                          Long minPriorContractValuePence, Boolean publicContractExperienceOnly,
                          List<String> requiredAccreditations, Integer minStaffHeadcount, Integer questionCount,
                          List<String> requestedDocuments, Integer minContractCount, Integer experiencePeriodYears,
                          Long publicLiabilityCoverPence, Long employersLiabilityCoverPence, Long professionalIndemnityCoverPence) {
        this(lotId, lotTitle, annualValuePence, minTradingYears, minPriorContractValuePence, publicContractExperienceOnly,
                requiredAccreditations, minStaffHeadcount, questionCount, requestedDocuments, minContractCount, experiencePeriodYears,
                publicLiabilityCoverPence, employersLiabilityCoverPence, professionalIndemnityCoverPence, null);
    }

    /** Whether the lot publishes evidence of equality practice as a condition of participation (SEL-03). */
    public boolean isEqualityEvidenceAsked() {
        return Boolean.TRUE.equals(equalityEvidenceRequired);
    }

    public ConditionsFact(String lotId, String lotTitle, long annualValuePence, Integer minTradingYears,
                          Long minPriorContractValuePence, Boolean publicContractExperienceOnly,
                          List<String> requiredAccreditations, Integer minStaffHeadcount) {
        this(lotId, lotTitle, annualValuePence, minTradingYears, minPriorContractValuePence, publicContractExperienceOnly,
                requiredAccreditations, minStaffHeadcount, null, List.of(), null, null, null, null, null, null);
    }

    /** Whether the tender asks every bidder for this document. */
    public boolean asksFor(String document) {
        return requestedDocuments != null && requestedDocuments.contains(document);
    }

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
