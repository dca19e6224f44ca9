package org.levelfield.tender.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.levelfield.bidder.CheckingEligibility;
import org.levelfield.bidder.OrganisationProfile;
import org.levelfield.common.web.ProblemException;
import org.levelfield.tender.model.TenderDetails;

/**
 * The profile the eligibility rules read for a tender: the organisation's stored profile, the
 * consortium's combined turnover, and the declarations of the lead and every member.
 */
final class TenderEligibility {

    private TenderEligibility() {
    }

    /** What a profile must hold before its organisation can submit a tender. */
    static void requireComplete(OrganisationProfile p) {
        List<String> missing = new ArrayList<>();
        if (p.legalForm() == null) {
            missing.add("legalForm");
        }
        if (p.incomePence() == null) {
            missing.add("incomePence");
        }
        if (p.staffHeadcount() == null) {
            missing.add("staffHeadcount");
        }
        if (p.accountsType() == null) {
            missing.add("accountsType");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.wrongState("Complete your organisation's profile before submitting (PUT /api/organisations/" + p.id()
                    + "/profile); missing: " + String.join(", ", missing) + ". The eligibility rules run on it at submission.",
                    "PROFILE_INCOMPLETE", List.of("complete the organisation profile"));
        }
    }

    /**
     * The organisations in a tender for SEL-09, each by every registration number it gives: the bidder's registration,
     * charity and company numbers, and each consortium member's. Numbers are compared as written without an org-id
     * scheme prefix ("GB-CHC-"), spaces or punctuation, in capitals, so "GB-CHC-1234567" and "1234 567" are one.
     */
    static List<org.levelfield.rules.facts.eligibility.LotParticipant> participants(java.util.UUID tenderId, String lot, OrganisationProfile p,
                                                                                  TenderDetails d, boolean assessed) {
        List<org.levelfield.rules.facts.eligibility.LotParticipant> out = new ArrayList<>();
        java.util.Set<String> own = new java.util.LinkedHashSet<>();
        for (String number : java.util.Arrays.asList(p.registrationNumber(), p.charityNumber(), p.companyNumber())) {
            String n = registration(number);
            if (n != null && own.add(n)) {
                out.add(new org.levelfield.rules.facts.eligibility.LotParticipant(tenderId.toString(), p.name(), p.name(), false, n, lot, assessed));
            }
        }
        for (TenderDetails.ConsortiumMember m : d.consortium()) {
            String n = registration(m.registrationNumber());
            if (n != null) {
                out.add(new org.levelfield.rules.facts.eligibility.LotParticipant(tenderId.toString(), p.name(),
                        m.name() == null ? n : m.name().strip(), true, n, lot, assessed));
            }
        }
        return out;
    }

    static String registration(String number) {
        return org.levelfield.bidder.RegistrationNumbers.compared(number);
    }

    static CheckingEligibility.Profile profile(OrganisationProfile p, TenderDetails d) {
        var lead = d.declarations();
        List<TenderDetails.Declarations> all = new ArrayList<>();
        if (lead != null) {
            all.add(lead);
        }
        d.consortium().stream().map(TenderDetails.ConsortiumMember::declarations).filter(Objects::nonNull).forEach(all::add);
        long own = p.incomePence() == null ? 0 : p.incomePence();
        Long consortiumTurnover = d.hasConsortium()
                ? own + d.consortium().stream().map(TenderDetails.ConsortiumMember::turnoverPence).filter(Objects::nonNull).mapToLong(Long::longValue).sum()
                : null;
        List<String> experience = p.experience() == null ? List.of()
                : p.experience().stream().map(OrganisationProfile.Experience::kind).filter(Objects::nonNull).distinct().sorted().toList();
        String remedial = all.stream().map(TenderDetails.Declarations::remedialSteps).filter(s -> s != null && !s.isBlank())
                .reduce((a, b) -> a + " " + b).orElse(null);
        return new CheckingEligibility.Profile(p.name(), p.legalForm(), own, p.balanceSheetPence(),
                p.staffHeadcount() == null ? 0 : p.staffHeadcount(), p.accountsType(), p.insuranceHeld(), p.insuranceUndertaking(),
                consortiumTurnover, p.offersAlternativeFinancialEvidence(), experience,
                all.stream().anyMatch(x -> Boolean.TRUE.equals(x.mandatoryExclusionGround())),
                all.stream().anyMatch(x -> Boolean.TRUE.equals(x.recurrenceLikely())),
                all.stream().mapToInt(x -> x.equalityLawFindings() == null ? 0 : x.equalityLawFindings()).sum(),
                remedial, declarants(p, d),
                p.experience() == null ? null : p.experience().stream().map(OrganisationProfile.Experience::valuePerYearPence)
                        .filter(Objects::nonNull).max(Long::compare).orElse(null), p.linkedEnterprises(), p.groupParent(),
                p.experience() == null ? List.of() : p.experience().stream().filter(Objects::nonNull)
                        .filter(e -> e.kind() != null).map(e -> new CheckingEligibility.Piece(e.description(), e.kind(), e.toYear())).toList(),
                p.equalityEvidence(), p.ehrcAction());
    }

    /** The bidder's own exclusion declaration and each consortium member's, so that SEL-01 names the one a ground applies to. */
    private static List<CheckingEligibility.Declarant> declarants(OrganisationProfile p, TenderDetails d) {
        List<CheckingEligibility.Declarant> out = new ArrayList<>();
        var lead = d.declarations();
        out.add(new CheckingEligibility.Declarant(p.name(), false, lead == null ? null : lead.mandatoryExclusionGround(),
                lead == null ? null : lead.recurrenceLikely(), lead == null ? null : lead.discretionaryExclusionGround(),
                java.util.stream.Stream.of(p.registrationNumber(), p.charityNumber(), p.companyNumber()).filter(Objects::nonNull).toList()));
        for (TenderDetails.ConsortiumMember m : d.consortium()) {
            var md = m.declarations();
            out.add(new CheckingEligibility.Declarant(m.name(), true, md == null ? null : md.mandatoryExclusionGround(),
                    md == null ? null : md.recurrenceLikely(), md == null ? null : md.discretionaryExclusionGround(),
                    m.registrationNumber() == null ? List.of() : List.of(m.registrationNumber())));
        }
        return out;
    }
}
