package org.levelfield.tender.model;

import java.util.List;
import java.util.UUID;

/**
 * Everything in a tender besides its price and written answers: the VAT basis of the price, the
 * lead bidder's declarations, consortium members with theirs, named subcontractors or partners
 * with their share, commitment letter and payment terms, equality evidence per duty, the
 * monitoring plan, attached files, and whether each mandatory specification item is met. Part of the
 * tender's content hash.
 *
 * @param vatBasis one of {@link #VAT_BASES}
 */
public record TenderDetails(String vatBasis, Declarations declarations, List<ConsortiumMember> consortium,
                            List<Subcontractor> subcontractors, List<Evidence> equalityEvidence, MonitoringPlan monitoringPlan,
                            List<UUID> attachmentIds, List<MandatoryItem> mandatoryItems) {

    public static final List<String> VAT_BASES = List.of("EXCLUDING_VAT", "INCLUDING_VAT", "VAT_EXEMPT", "OUTSIDE_SCOPE");
    public static final List<String> EVIDENCE_TYPES = List.of("POLICY", "PLAN", "RESOURCE", "TRACK_RECORD", "KPI");
    /** A partner that refers people to the service, or takes referrals from it, without a share of the funding. */
    public static final String REFERRAL_PARTNER = "REFERRAL_PARTNER";
    public static final List<String> PARTNER_KINDS = List.of("SUBCONTRACTOR", "PARTNER", REFERRAL_PARTNER);
    public static final List<String> REPORTING_FREQUENCIES = List.of("MONTHLY", "QUARTERLY", "SIX_MONTHLY", "ANNUALLY");

    public static TenderDetails empty() {
        return new TenderDetails(null, null, List.of(), List.of(), List.of(), null, List.of(), List.of());
    }

    public TenderDetails {
        consortium = consortium == null ? List.of() : List.copyOf(consortium);
        subcontractors = subcontractors == null ? List.of() : List.copyOf(subcontractors);
        equalityEvidence = equalityEvidence == null ? List.of() : List.copyOf(equalityEvidence);
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
        mandatoryItems = mandatoryItems == null ? List.of() : List.copyOf(mandatoryItems);
    }

    /** Whether the tender meets one of the lot's mandatory specification items (SC-09), and how. */
    public record MandatoryItem(String item, Boolean met, String how) {
    }

    public boolean hasConsortium() {
        return !consortium.isEmpty();
    }

    /**
     * What a bidder declares about itself (Procurement Act 2023 ss57-58 and Sch 6-7 exclusion
     * grounds; equality law findings; conflicts of interest).
     */
    public record Declarations(Boolean mandatoryExclusionGround, Boolean discretionaryExclusionGround, Boolean recurrenceLikely,
                               Integer equalityLawFindings, String remedialSteps, Boolean conflictOfInterest, String conflictDetails) {
    }

    /** A consortium member other than the lead, with its own declarations and yearly turnover in pence. */
    public record ConsortiumMember(String name, String registrationNumber, String legalForm, Long turnoverPence, String role,
                                   Declarations declarations) {
    }

    /**
     * A named subcontractor or delivery partner (for example a specialist by-and-for organisation):
     * its share of the contract value, the letter committing it, and the terms it is paid on.
     *
     * @param duties the equality duties (RACE, DISABILITY, SEX, …) the tender relies on it for
     */
    public record Subcontractor(String name, String registrationNumber, String kind, String specialism, Integer sharePercent,
                                UUID commitmentLetterId, Integer paymentDays, Boolean fullCostRecovery, List<String> duties) {
    }

    /** One piece of equality evidence for a duty, typed so that a policy on its own can be told apart (EQ-06). */
    public record Evidence(String duty, String type, String description, UUID attachmentId) {
    }

    /** How outcomes and access will be reported by characteristic (EQ-08, RD-25). */
    public record MonitoringPlan(List<String> characteristics, String frequency, String description, Boolean dataProtectionSafeguards) {
    }
}
