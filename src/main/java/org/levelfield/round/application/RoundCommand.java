package org.levelfield.round.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a commissioner sends to create a round. Money in pence; weights out of 100. */
public record RoundCommand(String title, String description, LocalDate commencementDate, Instant tenderDeadline,
                           List<PartnerCommand> partners, List<LotCommand> lots, EqiaCommand eqia,
                           org.levelfield.round.model.RoundDetails details) {

    /** The design-stage equality impact assessment: one entry per characteristic and limb. */
    public record EqiaCommand(LocalDate assessedOn, String relevance, String specialistImpact, List<EqiaEntryCommand> entries) {
    }

    /** For the ADVANCE_EQUALITY limb, {@code disadvantage}, {@code differentNeeds} and {@code participation} are the s149(3) needs. */
    public record EqiaEntryCommand(String characteristic, String limb, String evidence, String impact, String mitigation,
                                   String dataGap, String gapAction, String notApplicableReason, String decision, String disadvantage,
                                   String differentNeeds, String participation) {

        public EqiaEntryCommand(String characteristic, String limb, String evidence, String impact, String mitigation,
                                String dataGap, String gapAction, String notApplicableReason, String decision) {
            this(characteristic, limb, evidence, impact, mitigation, dataGap, gapAction, notApplicableReason, decision, null, null, null);
        }

        public EqiaEntryCommand(String characteristic, String limb, String evidence, String impact, String mitigation,
                                String dataGap, String gapAction, String notApplicableReason) {
            this(characteristic, limb, evidence, impact, mitigation, dataGap, gapAction, notApplicableReason, null, null, null, null);
        }
    }

    public record PartnerCommand(String name, String type, Boolean lead, List<BudgetLineCommand> budgetLines) {
    }

    public record BudgetLineCommand(String financialYear, Long amountPence, String purpose) {
    }

    public record LotCommand(String title, Long valueInclVatPence, Integer termMonths, Long minTurnoverPence,
                             String turnoverJustification, String eligibilityRestriction, String reservationBasis,
                             Boolean requiresAuditedAccounts, String insuranceTiming, List<CriterionCommand> criteria,
                             org.levelfield.round.model.LotTerms terms) {
    }

    /**
     * An award criterion; {@code subCriteria}, if given, divide it into parts scored separately whose
     * weights add up exactly to its weight.
     */
    public record CriterionCommand(String title, String kind, String duty, BigDecimal weight, String descriptors,
                                   Integer wordLimit, String assesses, String scoringBasis, String methodology, Integer minScore,
                                   List<SubCriterionCommand> subCriteria) {
        public CriterionCommand(String title, String kind, String duty, BigDecimal weight, String descriptors,
                                Integer wordLimit, String assesses, String scoringBasis, String methodology, Integer minScore) {
            this(title, kind, duty, weight, descriptors, wordLimit, assesses, scoringBasis, methodology, minScore, null);
        }
    }

    /**
     * A part of a criterion, scored on its own: its weight in points as a number or an exact fraction
     * ("5", "10/3"); its descriptors and word limit default to the criterion's.
     */
    public record SubCriterionCommand(String title, String duty, String weight, String descriptors, Integer wordLimit,
                                      Integer minScore) {
    }
}
