package org.levelfield.tender.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.levelfield.bidder.Codes;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.model.Characteristic;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.CriterionKind;
import org.levelfield.round.model.Duty;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.tender.model.Tender;
import org.levelfield.tender.model.TenderDetails;

/**
 * Checks a tender's content against the lot it is for, field by field. A draft may be incomplete
 * but nothing in it may be malformed; a submission must also be complete. Every problem is
 * reported at once, naming the field and the fix.
 */
final class TenderValidation {

    /** No written answer may be longer than this, whatever the word limit. */
    static final int MAX_ANSWER_CHARACTERS = 30_000;
    static final int MAX_TEXT = 4_000;

    enum Mode { DRAFT, SUBMISSION }

    record Valid(Long pricePence, List<Tender.Answer> answers, TenderDetails details) {
    }

    private final Round round;
    private final Lot lot;
    private final Mode mode;
    private final Set<UUID> ownAttachments;
    private final List<FieldError> errors = new ArrayList<>();

    private TenderValidation(Round round, Lot lot, Mode mode, Set<UUID> ownAttachments) {
        this.round = round;
        this.lot = lot;
        this.mode = mode;
        this.ownAttachments = ownAttachments;
    }

    static Valid check(Round round, Lot lot, TenderCommand command, Mode mode, Set<UUID> ownAttachments) {
        if (command == null) {
            throw ProblemException.badInput("body", "a tender with pricePence, vatBasis and answers is required");
        }
        return new TenderValidation(round, lot, mode, ownAttachments).run(command);
    }

    /**
     * The most a price for this lot can be: ten times the lot's published value, a bound no honest
     * tender comes near, which keeps a mistyped or hostile figure out of the price formula.
     */
    private long mostPricePence() {
        long value = lot.valueInclVatPence() <= 0 ? 100_000_000_000L : lot.valueInclVatPence();
        return value > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : value * 10;
    }

    private static String pounds(long pence) {
        return org.levelfield.common.Pounds.format(pence);
    }

    private static String inWords(String vatBasis) {
        return "INCLUDING_VAT".equals(vatBasis) ? "including VAT" : "excluding VAT";
    }

    private boolean complete() {
        return mode == Mode.SUBMISSION;
    }

    private Valid run(TenderCommand command) {
        if (command.pricePence() == null ? complete() : command.pricePence() <= 0) {
            errors.add(new FieldError("pricePence", "must be a whole number of pence greater than zero"));
        } else if (command.pricePence() != null && command.pricePence() > mostPricePence()) {
            errors.add(new FieldError("pricePence", "is " + pounds(command.pricePence()) + ", more than ten times the lot's published value of "
                    + pounds(lot.valueInclVatPence()) + "; check the price is in pence (£1 is 100) and for the whole term"));
        }
        if (command.vatBasis() != null || complete()) {
            FieldChecks.oneOf(errors, "vatBasis", command.vatBasis(), TenderDetails.VAT_BASES);
        }
        var terms = lot.terms() == null ? org.levelfield.round.model.LotTerms.NONE : lot.terms();
        if (command.vatBasis() != null && TenderDetails.VAT_BASES.contains(command.vatBasis()) && !terms.comparesWith(command.vatBasis())) {
            errors.add(new FieldError("vatBasis", "this lot compares prices " + inWords(terms.priceVatBasis()) + ", as the tender documents say; "
                    + "state your price " + inWords(terms.priceVatBasis()) + " (if you are not registered for VAT, say so instead)"));
        }
        List<Tender.Answer> answers = answers(command.answers());
        declarations("declarations", command.declarations(), complete());
        consortium(command.consortium());
        subcontractors(command.subcontractors());
        evidence(command.equalityEvidence());
        monitoringPlan(command.monitoringPlan());
        attachmentIds(command.attachmentIds());
        mandatoryItems(command.mandatoryItems());
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        TenderDetails details = command.details();
        return new Valid(command.pricePence(), answers, new TenderDetails(details.vatBasis(), details.declarations(), details.consortium(),
                details.subcontractors(), details.equalityEvidence(), details.monitoringPlan(),
                List.copyOf(new LinkedHashSet<>(details.attachmentIds())), details.mandatoryItems()));
    }

    private List<Tender.Answer> answers(List<TenderCommand.AnswerCommand> given) {
        List<Tender.Answer> answers = new ArrayList<>();
        Set<UUID> answered = new HashSet<>();
        given = given == null ? List.of() : given;
        for (int i = 0; i < given.size(); i++) {
            var a = given.get(i);
            String at = "answers[" + i + "]";
            if (a == null || a.criterionId() == null) {
                errors.add(new FieldError(at + ".criterionId", "is required"));
                continue;
            }
            Criterion criterion = lot.criterion(a.criterionId()).orElse(null);
            if (criterion == null) {
                errors.add(new FieldError(at + ".criterionId", "no criterion " + a.criterionId() + " in lot '" + lot.title() + "'"));
            } else if (criterion.isPrice()) {
                errors.add(new FieldError(at + ".criterionId", "'" + criterion.title() + "' is scored from pricePence; it takes no written answer"));
            } else if (!criterion.isScoredByEvaluators(lot)) {
                errors.add(new FieldError(at + ".criterionId", "'" + criterion.title() + "' is divided into sub-criteria; answer each of them instead"));
            } else if (!answered.add(a.criterionId())) {
                errors.add(new FieldError(at + ".criterionId", "'" + criterion.title() + "' is answered more than once"));
            } else if (a.answer() == null || a.answer().isBlank()) {
                if (complete()) {
                    errors.add(new FieldError(at + ".answer", "an answer to '" + criterion.title() + "' is required"));
                }
            } else if (a.answer().length() > MAX_ANSWER_CHARACTERS) {
                errors.add(new FieldError(at + ".answer", "the answer to '" + criterion.title() + "' has " + a.answer().length()
                        + " characters; no answer may be longer than " + MAX_ANSWER_CHARACTERS));
            } else if (criterion.wordLimit() != null && words(a.answer()) > criterion.wordLimit()) {
                errors.add(new FieldError(at + ".answer", "the answer to '" + criterion.title() + "' has " + words(a.answer())
                        + " words; the limit is " + criterion.wordLimit() + ". Shorten it."));
            } else {
                answers.add(new Tender.Answer(a.criterionId(), a.answer().strip()));
            }
        }
        if (complete()) {
            for (Criterion c : lot.evaluatorCriteria()) {
                if (!answered.contains(c.id())) {
                    errors.add(new FieldError("answers", "no answer to '" + c.title() + "' (criterionId " + c.id() + ")"));
                }
            }
        }
        return answers;
    }

    private void declarations(String at, TenderDetails.Declarations d, boolean required) {
        if (d == null) {
            if (required) {
                errors.add(new FieldError(at, "are required: mandatoryExclusionGround, discretionaryExclusionGround and conflictOfInterest (true or false)"));
            }
            return;
        }
        if (required) {
            if (d.mandatoryExclusionGround() == null) {
                errors.add(new FieldError(at + ".mandatoryExclusionGround", "is required: does a mandatory exclusion ground apply (true or false)?"));
            }
            if (d.discretionaryExclusionGround() == null) {
                errors.add(new FieldError(at + ".discretionaryExclusionGround", "is required: does a discretionary exclusion ground apply (true or false)?"));
            }
            if (d.conflictOfInterest() == null) {
                errors.add(new FieldError(at + ".conflictOfInterest", "is required: is there a conflict of interest to declare (true or false)?"));
            }
        }
        if (d.equalityLawFindings() != null && d.equalityLawFindings() < 0) {
            errors.add(new FieldError(at + ".equalityLawFindings", "must be zero or more"));
        }
        if (Boolean.TRUE.equals(d.conflictOfInterest()) && blank(d.conflictDetails()) && required) {
            errors.add(new FieldError(at + ".conflictDetails", "describe the conflict of interest you declared"));
        }
        text(at + ".remedialSteps", d.remedialSteps());
        text(at + ".conflictDetails", d.conflictDetails());
    }

    private void consortium(List<TenderDetails.ConsortiumMember> members) {
        if (members == null) {
            return;
        }
        if (!members.isEmpty() && round.details() != null && Boolean.FALSE.equals(round.details().consortiaAllowed())) {
            errors.add(new FieldError("consortium", "this round does not accept consortium bids"));
        }
        for (int i = 0; i < members.size(); i++) {
            var m = members.get(i);
            String at = "consortium[" + i + "]";
            if (m == null) {
                errors.add(new FieldError(at, "is empty"));
                continue;
            }
            if (blank(m.name())) {
                errors.add(new FieldError(at + ".name", "is required"));
            }
            registration(at + ".registrationNumber", m.registrationNumber(), m.legalForm());
            FieldChecks.oneOf(errors, at + ".legalForm", m.legalForm(), Codes.LEGAL_FORMS);
            if (m.turnoverPence() != null && m.turnoverPence() < 0) {
                errors.add(new FieldError(at + ".turnoverPence", "must be zero or more pence"));
            }
            if (complete() && blank(m.role())) {
                errors.add(new FieldError(at + ".role", "say what this member will deliver"));
            }
            text(at + ".role", m.role());
            declarations(at + ".declarations", m.declarations(), complete());
        }
    }

    private void subcontractors(List<TenderDetails.Subcontractor> subs) {
        if (subs == null) {
            return;
        }
        int total = 0;
        for (int i = 0; i < subs.size(); i++) {
            var s = subs.get(i);
            String at = "subcontractors[" + i + "]";
            if (s == null) {
                errors.add(new FieldError(at, "is empty"));
                continue;
            }
            if (blank(s.name())) {
                errors.add(new FieldError(at + ".name", "is required"));
            }
            registration(at + ".registrationNumber", s.registrationNumber(), null);
            FieldChecks.oneOf(errors, at + ".kind", s.kind(), TenderDetails.PARTNER_KINDS);
            boolean referral = TenderDetails.REFERRAL_PARTNER.equals(s.kind());
            if (referral) {
                if (s.sharePercent() != null && s.sharePercent() != 0) {
                    errors.add(new FieldError(at + ".sharePercent", "a referral partner has no share of the contract value: leave it out, or make it a PARTNER"));
                }
            } else if (s.sharePercent() == null ? complete() : s.sharePercent() < 1 || s.sharePercent() > 99) {
                errors.add(new FieldError(at + ".sharePercent", "give its share of the contract value as a whole percentage from 1 to 99"));
            } else if (s.sharePercent() != null) {
                total += s.sharePercent();
            }
            if (referral && s.paymentDays() != null && (s.paymentDays() < 0 || s.paymentDays() > 120)) {
                errors.add(new FieldError(at + ".paymentDays", "give the days within which it will be paid, 0 to 120, or leave it out for a referral partner"));
            } else if (!referral && (s.paymentDays() == null ? complete() : s.paymentDays() < 0 || s.paymentDays() > 120)) {
                errors.add(new FieldError(at + ".paymentDays", "give the days within which it will be paid, 0 to 120 (30 or fewer is Compact-compliant)"));
            }
            if (s.commitmentLetterId() != null) {
                attachment(at + ".commitmentLetterId", s.commitmentLetterId());
            }
            List<String> duties = s.duties() == null ? List.of() : s.duties();
            for (int d = 0; d < duties.size(); d++) {
                FieldChecks.oneOf(errors, at + ".duties[" + d + "]", duties.get(d), allowedDuties());
            }
            text(at + ".specialism", s.specialism());
        }
        if (total > 99) {
            errors.add(new FieldError("subcontractors", "the shares add up to " + total + "%; the lead must keep some of the contract"));
        }
    }

    private void evidence(List<TenderDetails.Evidence> evidence) {
        List<TenderDetails.Evidence> given = evidence == null ? List.of() : evidence;
        Set<String> covered = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            var e = given.get(i);
            String at = "equalityEvidence[" + i + "]";
            if (e == null) {
                errors.add(new FieldError(at, "is empty"));
                continue;
            }
            FieldChecks.oneOf(errors, at + ".duty", e.duty(), allowedDuties());
            FieldChecks.oneOf(errors, at + ".type", e.type(), TenderDetails.EVIDENCE_TYPES);
            if (blank(e.description())) {
                errors.add(new FieldError(at + ".description", "say what this evidence is and how it shows delivery"));
            }
            text(at + ".description", e.description());
            if (e.attachmentId() != null) {
                attachment(at + ".attachmentId", e.attachmentId());
            }
            covered.add(e.duty());
        }
        if (complete()) {
            for (Criterion c : lot.criteria()) {
                if (c.kind() == CriterionKind.EQUALITY && c.duty() != null && c.duty() != Duty.OTHER && !covered.contains(c.duty().name())) {
                    errors.add(new FieldError("equalityEvidence", "no evidence for the " + c.duty().name().toLowerCase()
                            + " duty, which '" + c.title() + "' scores; add at least one piece typed " + TenderDetails.EVIDENCE_TYPES));
                }
            }
        }
    }

    private void monitoringPlan(TenderDetails.MonitoringPlan plan) {
        if (plan == null) {
            if (complete()) {
                errors.add(new FieldError("monitoringPlan", "is required: how outcomes and access will be reported by characteristic"));
            }
            return;
        }
        List<String> characteristics = plan.characteristics() == null ? List.of() : plan.characteristics();
        List<String> known = java.util.Arrays.stream(Characteristic.values()).map(Enum::name).toList();
        for (int i = 0; i < characteristics.size(); i++) {
            FieldChecks.oneOf(errors, "monitoringPlan.characteristics[" + i + "]", characteristics.get(i), known);
        }
        // Which characteristics the plan reports by is the bidder's commitment, weighed at award (EQ-08), never a reason to refuse the tender.
        if (complete()) {
            if (blank(plan.description())) {
                errors.add(new FieldError("monitoringPlan.description", "say how the data will be collected and reported"));
            }
        }
        if (plan.frequency() != null || complete()) {
            FieldChecks.oneOf(errors, "monitoringPlan.frequency", plan.frequency(), TenderDetails.REPORTING_FREQUENCIES);
        }
        text("monitoringPlan.description", plan.description());
    }

    /** Each of the lot's mandatory specification items is confirmed met or not (SC-09); nothing else is. */
    private void mandatoryItems(List<TenderDetails.MandatoryItem> given) {
        List<String> required = lot.terms() == null ? List.of() : lot.terms().mandatoryItems();
        List<TenderDetails.MandatoryItem> items = given == null ? List.of() : given;
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            var m = items.get(i);
            String at = "mandatoryItems[" + i + "]";
            if (m == null || m.item() == null || !required.contains(m.item())) {
                errors.add(new FieldError(at + ".item", "not a mandatory item of lot '" + lot.title() + "'; its items are " + required));
                continue;
            }
            if (!answered.add(m.item())) {
                errors.add(new FieldError(at + ".item", "'" + m.item() + "' is confirmed more than once"));
            }
            if (m.met() == null && complete()) {
                errors.add(new FieldError(at + ".met", "say whether the tender meets '" + m.item() + "' (true or false)"));
            }
            text(at + ".how", m.how());
        }
        if (complete()) {
            for (String item : required) {
                if (!answered.contains(item)) {
                    errors.add(new FieldError("mandatoryItems", "confirm whether the tender meets the mandatory item '" + item + "'"));
                }
            }
        }
    }

    private void attachmentIds(List<UUID> ids) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            attachment("attachmentIds[" + i + "]", ids.get(i));
        }
    }

    private void attachment(String at, UUID id) {
        if (id == null || !ownAttachments.contains(id)) {
            errors.add(new FieldError(at, "no attachment " + id + " of your organisation; upload it first (POST /api/attachments)"));
        }
    }

    private void registration(String at, String number, String legalForm) {
        if (blank(number)) {
            if (complete() && !"UNINCORPORATED".equals(legalForm) && legalForm != null) {
                errors.add(new FieldError(at, "is required unless the organisation is UNINCORPORATED: " + Codes.ORG_ID_EXAMPLE));
            }
            return;
        }
        if (!Codes.ORG_ID.matcher(number.strip().toUpperCase(java.util.Locale.ROOT)).matches()) {
            errors.add(new FieldError(at, "'" + number + "' is not " + Codes.ORG_ID_EXAMPLE));
        }
    }

    private List<String> allowedDuties() {
        Set<String> duties = new LinkedHashSet<>(List.of("RACE", "DISABILITY", "SEX"));
        if (round.eqia() != null && round.eqia().entries() != null) {
            round.eqia().entries().forEach(e -> {
                if (e.characteristic() != null && e.notApplicableReason() == null) {
                    duties.add(e.characteristic());
                }
            });
        }
        return List.copyOf(duties);
    }

    private void text(String at, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new FieldError(at, "has " + value.length() + " characters; the limit is " + MAX_TEXT));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
