package org.levelfield.round.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.model.Characteristic;
import org.levelfield.round.model.CriterionKind;
import org.levelfield.round.model.Limb;
import org.levelfield.round.model.Duty;

/**
 * Checks a round command field by field and reports every problem at once, each with the field's
 * path (for example {@code lots[1].criteria[0].weight}) and what to fix. Design choices that are
 * lawful but questionable are left to the round-design rules at publication.
 */
final class RoundCommandValidation {

    private final List<FieldError> errors = new ArrayList<>();

    /** Checks the criteria of an amendment, with the same rules as a new round's. */
    static void checkAmendment(AmendingRound.AmendmentCommand command) {
        RoundCommandValidation v = new RoundCommandValidation();
        if (command == null) {
            v.error("body", "reason, newTenderDeadline and lots (lotId and criteria) are required");
        } else {
            v.text("reason", command.reason(), 2000);
            if (command.newTenderDeadline() == null) {
                v.error("newTenderDeadline", "is required (an ISO instant); extend it so bidders can rework their tenders");
            }
            if (command.lots() == null || command.lots().isEmpty()) {
                v.error("lots", "name at least one lot whose criteria change");
            } else {
                for (int i = 0; i < command.lots().size(); i++) {
                    var lot = command.lots().get(i);
                    if (lot == null || lot.lotId() == null) {
                        v.error("lots[" + i + "].lotId", "is required");
                        continue;
                    }
                    v.criteria("lots[" + i + "]", lot.criteria());
                }
            }
        }
        if (!v.errors.isEmpty()) {
            throw ProblemException.badInput(v.errors);
        }
    }

    static void check(RoundCommand command, Instant now) {
        RoundCommandValidation v = new RoundCommandValidation();
        v.validate(command, now);
        if (!v.errors.isEmpty()) {
            throw ProblemException.badInput(v.errors);
        }
    }

    private void validate(RoundCommand c, Instant now) {
        if (c == null) {
            error("body", "a round is required");
            return;
        }
        text("title", c.title(), 300);
        if (c.commencementDate() == null) {
            error("commencementDate", "is required (the date the procurement commences, YYYY-MM-DD)");
        }
        if (c.tenderDeadline() == null) {
            error("tenderDeadline", "is required (an ISO instant, e.g. 2026-12-18T12:00:00Z)");
        } else if (now != null && !c.tenderDeadline().isAfter(now)) {
            error("tenderDeadline", "must be in the future; it is " + c.tenderDeadline() + " and the server time is " + now);
        }
        partners(c.partners());
        lots(c.lots());
        eqia(c.eqia());
        details(c.details(), c.lots());
        List<FieldError> tooLong = new ArrayList<>();
        org.levelfield.common.web.FieldChecks.textLimits(tooLong, "", c, org.levelfield.common.web.FieldChecks.MOST_TEXT);
        tooLong.stream().filter(e -> errors.stream().noneMatch(known -> known.field().equals(e.field()))).forEach(errors::add);
    }

    /** A SUM_OF tie-break step must name at least one criterion, each of which every lot has (by title). */
    private void sumOfStep(String at, String step, List<RoundCommand.LotCommand> lots) {
        List<String> named = org.levelfield.round.model.RoundDetails.sumOf(step);
        if (named.isEmpty()) {
            error(at, "name the criteria to add up after SUM_OF:, joined by +, e.g. \"SUM_OF: Race equality + Disability equality\"");
            return;
        }
        for (var lot : lots == null ? List.<RoundCommand.LotCommand>of() : lots) {
            if (lot == null || lot.criteria() == null) {
                continue;
            }
            List<String> titles = lot.criteria().stream().filter(java.util.Objects::nonNull)
                    .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.title()),
                            c.subCriteria() == null ? java.util.stream.Stream.<String>empty()
                                    : c.subCriteria().stream().filter(java.util.Objects::nonNull).map(RoundCommand.SubCriterionCommand::title)))
                    .filter(java.util.Objects::nonNull).toList();
            for (String title : named) {
                boolean present = titles.stream().anyMatch(t -> t.strip().equalsIgnoreCase(title));
                if (!present) {
                    error(at, "names the criterion '" + title + "', which lot '" + lot.title() + "' does not have; its criteria are " + titles);
                }
            }
        }
    }

    private void details(org.levelfield.round.model.RoundDetails d, List<RoundCommand.LotCommand> lots) {
        if (d == null) {
            return;
        }
        if (d.maxLotsPerSupplier() != null && d.maxLotsPerSupplier() < 1) {
            error("details.maxLotsPerSupplier", "must be at least 1, or left out for no limit");
        }
        if (d.lotAllocation() != null && !org.levelfield.round.model.RoundDetails.LOT_ALLOCATIONS.contains(d.lotAllocation())) {
            error("details.lotAllocation", "must be one of " + org.levelfield.round.model.RoundDetails.LOT_ALLOCATIONS
                    + ": HIGHEST_VALUE_FIRST keeps a supplier's lots of highest value, LARGEST_LEAD_FIRST those where its lead is largest");
        }
        var steps = d.tieBreakOrEmpty();
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (step != null && step.startsWith(org.levelfield.round.model.RoundDetails.SUM_OF)) {
                sumOfStep("details.tieBreak[" + i + "]", step, lots);
            } else if (!org.levelfield.round.model.RoundDetails.TIE_BREAK_STEPS.contains(step)) {
                error("details.tieBreak[" + i + "]", "must be one of " + org.levelfield.round.model.RoundDetails.TIE_BREAK_STEPS
                        + ", or a sum of named criteria such as \"SUM_OF: Race equality + Disability equality\"");
            }
            if (step != null && steps.subList(0, i).contains(step)) {
                error("details.tieBreak[" + i + "]", step + " is listed twice");
            }
        }
        var consultation = d.consultation();
        if (consultation != null) {
            if (consultation.start() == null || consultation.end() == null) {
                error("details.consultation", "needs both start and end dates (YYYY-MM-DD)");
            } else if (consultation.end().isBefore(consultation.start())) {
                error("details.consultation.end", "is before the start " + consultation.start() + "; the dates are out of order");
            }
        }
        var incumbents = d.incumbentsOrEmpty();
        for (int i = 0; i < incumbents.size(); i++) {
            var incumbent = incumbents.get(i);
            String at = "details.incumbents[" + i + "]";
            if (incumbent == null) {
                error(at, "must not be null");
                continue;
            }
            text(at + ".organisation", incumbent.organisation(), 300);
            if (incumbent.fundingPerYearPence() != null && incumbent.fundingPerYearPence() < 0) {
                error(at + ".fundingPerYearPence", "must be zero or more pence");
            }
        }
    }

    private void terms(String at, org.levelfield.round.model.LotTerms t) {
        if (t == null) {
            return;
        }
        if (t.priceMode() != null) {
            parse(at + ".priceMode", t.priceMode(), PriceMode.class);
        }
        for (var amount : java.util.Map.of("fixedPricePence", java.util.Optional.ofNullable(t.fixedPricePence()),
                "fullCostEstimatePence", java.util.Optional.ofNullable(t.fullCostEstimatePence())).entrySet()) {
            if (amount.getValue().isPresent() && amount.getValue().get() < 0) {
                error(at + "." + amount.getKey(), "must be zero or more pence");
            }
        }
        if ("FIXED_PRICE".equals(t.priceMode()) && t.fixedPricePence() == null) {
            error(at + ".fixedPricePence", "a FIXED_PRICE lot needs its fixed price");
        }
        if (t.providerCount() != null && t.providerCount() < 0) {
            error(at + ".providerCount", "must be zero or more");
        }
        if (t.questionCount() != null && (t.questionCount() < 0 || t.questionCount() > 200)) {
            error(at + ".questionCount", "must be from 0 to 200 quality questions, or left out");
        }
        if (t.requestedDocuments() != null) {
            for (int i = 0; i < t.requestedDocuments().size(); i++) {
                if (!org.levelfield.round.model.LotTerms.DOCUMENTS.contains(t.requestedDocuments().get(i))) {
                    error(at + ".requestedDocuments[" + i + "]", "must be one of " + org.levelfield.round.model.LotTerms.DOCUMENTS);
                }
            }
        }
        if (t.paymentFrequency() != null && !org.levelfield.round.model.LotTerms.PAYMENT_FREQUENCIES.contains(t.paymentFrequency())) {
            error(at + ".paymentFrequency", "must be one of " + org.levelfield.round.model.LotTerms.PAYMENT_FREQUENCIES);
        }
        if (t.minContractCount() != null && (t.minContractCount() < 1 || t.minContractCount() > 50)) {
            error(at + ".minContractCount", "must be from 1 to 50 pieces of work, or left out");
        }
        if (t.experiencePeriodYears() != null && (t.experiencePeriodYears() < 1 || t.experiencePeriodYears() > 50)) {
            error(at + ".experiencePeriodYears", "must be from 1 to 50 years, or left out");
        }
        if (t.experiencePeriodYears() != null && t.minContractCount() == null) {
            error(at + ".experiencePeriodYears", "a period needs the number of pieces of work asked within it (minContractCount)");
        }
        for (var cover : java.util.Map.of("publicLiabilityCoverPence", java.util.Optional.ofNullable(t.publicLiabilityCoverPence()),
                "employersLiabilityCoverPence", java.util.Optional.ofNullable(t.employersLiabilityCoverPence()),
                "professionalIndemnityCoverPence", java.util.Optional.ofNullable(t.professionalIndemnityCoverPence())).entrySet()) {
            if (cover.getValue().isPresent() && (cover.getValue().get() <= 0 || cover.getValue().get() > 100_000_000_000L)) {
                error(at + "." + cover.getKey(), "must be more than zero and at most £1bn (in pence), or left out");
            }
        }
    }

    private enum PriceMode { PRICE_SCORED, FIXED_PRICE }

    private enum Assesses { TENDER, BIDDER_HISTORY, ASSIGNED_STAFF, CORPORATE_WORKFORCE }

    private enum ScoringBasis { COMMITMENT, STATUS }

    private void eqia(RoundCommand.EqiaCommand eqia) {
        if (eqia == null) {
            return;
        }
        if (eqia.assessedOn() == null) {
            error("eqia.assessedOn", "is required (the date of the equality impact assessment, YYYY-MM-DD)");
        }
        parse("eqia.relevance", eqia.relevance(), Relevance.class);
        List<RoundCommand.EqiaEntryCommand> entries = eqia.entries() == null ? List.of() : eqia.entries();
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            String at = "eqia.entries[" + i + "]";
            if (entry == null) {
                error(at, "must not be null");
                continue;
            }
            parse(at + ".characteristic", entry.characteristic(), Characteristic.class);
            parse(at + ".limb", entry.limb(), Limb.class);
        }
    }

    private enum Relevance { HIGH, MEDIUM, LOW }

    private enum InsuranceTiming { IN_PLACE_BEFORE_AWARD, BY_CONTRACT_START, UNDERTAKING_ACCEPTED }

    private void partners(List<RoundCommand.PartnerCommand> partners) {
        if (partners == null || partners.isEmpty()) {
            error("partners", "at least one partner is required");
            return;
        }
        long leads = partners.stream().filter(p -> p != null && Boolean.TRUE.equals(p.lead())).count();
        if (leads != 1) {
            error("partners", "exactly one partner must be the lead (lead: true); " + leads + " are");
        }
        for (int i = 0; i < partners.size(); i++) {
            var p = partners.get(i);
            String at = "partners[" + i + "]";
            if (p == null) {
                error(at, "must not be null");
                continue;
            }
            text(at + ".name", p.name(), 200);
            text(at + ".type", p.type(), 100);
            if (p.budgetLines() == null) {
                continue;
            }
            for (int j = 0; j < p.budgetLines().size(); j++) {
                var line = p.budgetLines().get(j);
                String lineAt = at + ".budgetLines[" + j + "]";
                if (line == null) {
                    error(lineAt, "must not be null");
                    continue;
                }
                if (line.financialYear() == null || !line.financialYear().matches("\\d{4}/\\d{2}")) {
                    error(lineAt + ".financialYear", "must be a financial year like 2026/27");
                }
                if (line.amountPence() == null || line.amountPence() < 0) {
                    error(lineAt + ".amountPence", "must be zero or more pence");
                }
            }
        }
    }

    private void lots(List<RoundCommand.LotCommand> lots) {
        if (lots == null || lots.isEmpty()) {
            error("lots", "at least one lot is required");
            return;
        }
        for (int i = 0; i < lots.size(); i++) {
            var lot = lots.get(i);
            String at = "lots[" + i + "]";
            if (lot == null) {
                error(at, "must not be null");
                continue;
            }
            text(at + ".title", lot.title(), 300);
            if (lot.valueInclVatPence() == null || lot.valueInclVatPence() <= 0) {
                error(at + ".valueInclVatPence", "must be more than zero pence");
            }
            if (lot.termMonths() == null || lot.termMonths() <= 0 || lot.termMonths() > 240) {
                error(at + ".termMonths", "must be from 1 to 240 months");
            }
            if (lot.insuranceTiming() != null) {
                parse(at + ".insuranceTiming", lot.insuranceTiming(), InsuranceTiming.class);
            }
            if (lot.minTurnoverPence() != null && lot.minTurnoverPence() < 0) {
                error(at + ".minTurnoverPence", "must be zero or more pence, or left out");
            }
            criteria(at, lot.criteria());
            terms(at + ".terms", lot.terms());
            prices(at + ".terms", lot.valueInclVatPence(), lot.terms());
        }
    }

    /**
     * The lot's pre-tender estimate and price ceiling must be more than zero and within ten times the
     * lot's value (an estimate a thousand times the value is a slip of the pence, not an estimate).
     */
    private void prices(String at, Long lotValuePence, org.levelfield.round.model.LotTerms t) {
        if (t == null) {
            return;
        }
        long most = lotValuePence == null || lotValuePence <= 0 || lotValuePence > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : lotValuePence * 10;
        for (var amount : java.util.Map.of("preTenderEstimatePence", java.util.Optional.ofNullable(t.preTenderEstimatePence()),
                "priceCeilingPence", java.util.Optional.ofNullable(t.priceCeilingPence())).entrySet()) {
            Long pence = amount.getValue().orElse(null);
            if (pence == null) {
                continue;
            }
            if (pence <= 0) {
                error(at + "." + amount.getKey(), "must be more than zero pence, or left out");
            } else if (pence > most) {
                error(at + "." + amount.getKey(), "is " + pence + " pence, more than ten times the lot's value of " + lotValuePence
                        + " pence; check it is in pence (£1 is 100) and for the whole term");
            }
        }
        if (t.priceVatBasis() != null && !org.levelfield.round.model.LotTerms.PRICE_VAT_BASES.contains(t.priceVatBasis())) {
            error(at + ".priceVatBasis", "must be one of " + org.levelfield.round.model.LotTerms.PRICE_VAT_BASES
                    + ": the basis on which every tender's price is stated and compared");
        }
        if (Boolean.TRUE.equals(t.priceCeilingDisqualifying()) && t.priceCeilingPence() == null) {
            error(at + ".priceCeilingDisqualifying", "a disqualifying ceiling needs its amount (priceCeilingPence)");
        }
    }

    void criteria(String lotAt, List<RoundCommand.CriterionCommand> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            error(lotAt + ".criteria", "a lot needs award criteria (price, quality and equality, with weights adding up to 100)");
            return;
        }
        for (int i = 0; i < criteria.size(); i++) {
            var c = criteria.get(i);
            String at = lotAt + ".criteria[" + i + "]";
            if (c == null) {
                error(at, "must not be null");
                continue;
            }
            text(at + ".title", c.title(), 300);
            CriterionKind kind = parse(at + ".kind", c.kind(), CriterionKind.class);
            boolean divided = c.subCriteria() != null && !c.subCriteria().isEmpty();
            if (kind == CriterionKind.EQUALITY && divided) {
                if (c.duty() != null) {
                    error(at + ".duty", "a criterion divided into sub-criteria names its duties on its sub-criteria, not on itself");
                }
            } else if (kind == CriterionKind.EQUALITY) {
                parse(at + ".duty", c.duty(), Duty.class);
            } else if (kind != null && c.duty() != null) {
                error(at + ".duty", "only EQUALITY criteria name a duty");
            }
            if (c.weight() == null || c.weight().signum() < 0 || c.weight().compareTo(BigDecimal.valueOf(100)) > 0) {
                error(at + ".weight", "must be from 0 to 100");
            } else if (c.weight().scale() > 3) {
                error(at + ".weight", "may have at most 3 decimal places");
            }
            if (c.assesses() != null) {
                parse(at + ".assesses", c.assesses(), Assesses.class);
            }
            if (c.scoringBasis() != null) {
                parse(at + ".scoringBasis", c.scoringBasis(), ScoringBasis.class);
            }
            if (c.minScore() != null && (c.minScore() < 0 || c.minScore() > 5)) {
                error(at + ".minScore", "must be on the published scale, 0 to 5, or left out for no disqualifying threshold");
            }
            if (c.wordLimit() != null && c.wordLimit() <= 0) {
                error(at + ".wordLimit", "must be more than zero, or left out");
            }
            if (c.subCriteria() != null) {
                subCriteria(at, kind, c);
            }
        }
    }

    /**
     * A criterion's sub-criteria (RD-09): at least two, not of price, each named, with a duty where the
     * criterion is of equality, and weights (numbers or exact fractions such as 10/3) adding up exactly
     * to the criterion's weight.
     */
    private void subCriteria(String at, CriterionKind kind, RoundCommand.CriterionCommand c) {
        List<RoundCommand.SubCriterionCommand> subs = c.subCriteria();
        if (subs.isEmpty()) {
            return;
        }
        if (kind == CriterionKind.PRICE) {
            error(at + ".subCriteria", "price is scored by its published formula and cannot be divided into sub-criteria");
            return;
        }
        if (subs.size() < 2) {
            error(at + ".subCriteria", "give at least two sub-criteria, or none (a single part is the criterion itself)");
        }
        List<org.levelfield.rules.model.Fraction> weights = new java.util.ArrayList<>();
        boolean allRead = true;
        for (int k = 0; k < subs.size(); k++) {
            var sub = subs.get(k);
            String subAt = at + ".subCriteria[" + k + "]";
            if (sub == null) {
                error(subAt, "must not be null");
                allRead = false;
                continue;
            }
            text(subAt + ".title", sub.title(), 300);
            if (kind == CriterionKind.EQUALITY) {
                parse(subAt + ".duty", sub.duty(), Duty.class);
            } else if (sub.duty() != null) {
                error(subAt + ".duty", "only the sub-criteria of an EQUALITY criterion name a duty");
            }
            var weight = org.levelfield.rules.model.Fraction.parse(sub.weight());
            if (weight.isEmpty() || weight.get().equalsZero()) {
                error(subAt + ".weight", "must be a number of points above zero or an exact fraction such as \"10/3\""
                        + (sub.weight() == null ? "" : "; got '" + sub.weight() + "'"));
                allRead = false;
            } else {
                weights.add(weight.get());
            }
            if (sub.minScore() != null && (sub.minScore() < 0 || sub.minScore() > 5)) {
                error(subAt + ".minScore", "must be on the published scale, 0 to 5, or left out for no disqualifying threshold");
            }
            if (sub.wordLimit() != null && sub.wordLimit() <= 0) {
                error(subAt + ".wordLimit", "must be more than zero, or left out");
            }
        }
        var total = org.levelfield.rules.model.Fraction.sum(weights);
        if (allRead && c.weight() != null && !total.equalsExactly(c.weight())) {
            error(at + ".subCriteria", "the sub-weights add up to " + total + " but the criterion weighs "
                    + c.weight().stripTrailingZeros().toPlainString() + "; they must add up to it exactly (for three equal parts of "
                    + c.weight().stripTrailingZeros().toPlainString() + " write \"" + c.weight().stripTrailingZeros().toPlainString() + "/3\" for each)");
        }
    }

    private <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value == null || !allowed.contains(value)) {
            error(field, "must be one of " + allowed + (value == null ? "" : "; got '" + value + "'"));
            return null;
        }
        return Enum.valueOf(type, value);
    }

    void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            error(field, "is required");
        } else if (value.length() > max) {
            error(field, "must be at most " + max + " characters");
        }
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
