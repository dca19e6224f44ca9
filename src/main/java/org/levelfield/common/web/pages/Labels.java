package org.levelfield.common.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

/**
 * Plain English for every code a person meets on a page: legal forms, accounts, experience,
 * evidence, duties, VAT, characteristics and stages. Templates call {@code ${labels.of('LEGAL_FORM', code)}}
 * through the model's "labels"; codes without a label are shown in lower case words.
 */
@Singleton
public class Labels {

    /** A code with its label and an optional hint, for radios and checkboxes. */
    public record Option(String value, String label, String hint) {
    }

    private static final Map<String, Map<String, String[]>> ALL = new LinkedHashMap<>();

    static {
        put("LEGAL_FORM",
                "REGISTERED_CHARITY", "Registered charity (a trust or unincorporated association registered with the Charity Commission)", null,
                "CIO", "Charitable incorporated organisation (CIO)", null,
                "CIC", "Community interest company (CIC)", null,
                "COMPANY_LIMITED_BY_GUARANTEE", "Company limited by guarantee (including charitable companies)", null,
                "COMMUNITY_BENEFIT_SOCIETY", "Community benefit society or co-operative", null,
                "COMPANY", "Company limited by shares or other business", "Not a voluntary, community or social enterprise organisation",
                "PUBLIC_BODY", "Public body", null,
                "UNINCORPORATED", "Unincorporated group, not registered", "For example a community group with a constitution");
        put("ACCOUNTS_TYPE",
                "AUDITED", "Audited accounts", null,
                "INDEPENDENT_EXAMINATION", "Accounts checked by an independent examiner", "Usual for charities with income up to £1 million",
                "RECEIPTS_AND_PAYMENTS", "Receipts and payments accounts", "A simple record of money in and out, usual for charities with income up to £250,000",
                "UNAUDITED", "Accounts that are not audited or examined", null);
        put("EXPERIENCE",
                "PUBLIC_CONTRACT", "A contract with a council, the NHS or another public body", null,
                "GRANT_FUNDED", "Work funded by a grant", "From a council, a trust or foundation, or the National Lottery",
                "SUBCONTRACTED", "Work as a subcontractor or delivery partner of another provider", null,
                "PARTNERSHIP", "Work delivered in a partnership or consortium", null,
                "VOLUNTEER", "Work delivered by volunteers", null);
        put("EVIDENCE_TYPE",
                "POLICY", "A policy", "On its own, a policy shows intent, not delivery",
                "PLAN", "A delivery plan", "What you will do, when and by whom",
                "RESOURCE", "Resources committed", "Staff, budget or a specialist partner set aside for it",
                "TRACK_RECORD", "Track record", "What you have already delivered, with results",
                "KPI", "Measures and targets", "Key performance indicators you will report against");
        put("DUTY",
                "RACE", "Race equality", null,
                "DISABILITY", "Disability equality", null,
                "SEX", "Sex equality", null,
                "OTHER", "Other equality duty", null);
        put("VAT_BASIS",
                "EXCLUDING_VAT", "The price does not include VAT (VAT will be added)", null,
                "INCLUDING_VAT", "The price includes VAT", null,
                "VAT_EXEMPT", "The service is exempt from VAT", null,
                "OUTSIDE_SCOPE", "The service is outside the scope of VAT", null);
        put("CHARACTERISTIC",
                "AGE", "Age", null,
                "DISABILITY", "Disability", null,
                "GENDER_REASSIGNMENT", "Gender reassignment", null,
                "MARRIAGE_CIVIL_PARTNERSHIP", "Marriage and civil partnership", null,
                "PREGNANCY_MATERNITY", "Pregnancy and maternity", null,
                "RACE", "Race", null,
                "RELIGION_BELIEF", "Religion or belief", null,
                "SEX", "Sex", null,
                "SEXUAL_ORIENTATION", "Sexual orientation", null);
        put("FREQUENCY",
                "MONTHLY", "Every month", null,
                "QUARTERLY", "Every 3 months", null,
                "SIX_MONTHLY", "Every 6 months", null,
                "ANNUALLY", "Every year", null);
        put("LIMB",
                "ELIMINATE_DISCRIMINATION", "Eliminate discrimination, harassment and victimisation", null,
                "ADVANCE_EQUALITY", "Advance equality of opportunity", null,
                "FOSTER_GOOD_RELATIONS", "Foster good relations", null);
        put("PARTNER_TYPE",
                "COUNCIL", "Council", null,
                "NHS", "NHS body", null,
                "PCC", "Police and crime commissioner", null,
                "FIRE", "Fire and rescue authority", null,
                "OTHER_PUBLIC", "Another public body", null);
        put("DOCUMENT_KIND",
                "SAFEGUARDS_REPORT", "Safeguards report", null,
                "AWARD_JUSTIFICATION", "Award justification", null,
                "AWARD_JUSTIFICATION_PUBLIC", "Award justification, public version", null,
                "ASSESSMENT_SUMMARY", "Assessment summary for a bidder", null);
        put("PARTNER_KIND",
                "SUBCONTRACTOR", "Subcontractor", null,
                "PARTNER", "Delivery partner", null,
                "REFERRAL_PARTNER", "Referral partner", "Refers people to the service or takes referrals from it, without a share of the funding");
        put("EQUALITY_EVIDENCE",
                "POLICY", "A written equality policy", null,
                "STATEMENT", "A short statement of how we work on equality", "Enough for an organisation with fewer than 50 staff",
                "NONE", "Neither yet", null);
        put("DEBARMENT_GROUND",
                "MANDATORY", "Mandatory", "The supplier is an excluded supplier: it cannot take part",
                "DISCRETIONARY", "Discretionary", "The supplier is an excludable supplier: you decide, with reasons");
        put("DOCUMENT",
                "ANNUAL_ACCOUNTS", "Annual accounts", null,
                "REGISTRATION_CERTIFICATE", "Charity or company registration certificate", null,
                "GOVERNING_DOCUMENT", "Governing document (constitution or articles)", null,
                "INSURANCE_CERTIFICATES", "Insurance certificates", null,
                "EQUALITY_POLICY", "Equality policy", null,
                "SAFEGUARDING_POLICY", "Safeguarding policy", null,
                "CASE_STUDIES", "Case studies", null,
                "REFERENCES", "References", null);
        put("PAYMENT_FREQUENCY",
                "MONTHLY", "Monthly", null,
                "QUARTERLY", "Quarterly", null,
                "ANNUALLY", "Once a year", null);
        put("INSURANCE_TIMING",
                "IN_PLACE_BEFORE_AWARD", "Insurance must be in place before the contract is awarded", null,
                "BY_CONTRACT_START", "Insurance must be in place by the day the contract starts", null,
                "UNDERTAKING_ACCEPTED", "A written promise to have insurance by the contract start is enough", null);
        put("CRITERION_KIND",
                "PRICE", "Price", null,
                "QUALITY", "Quality", null,
                "EQUALITY", "Equality", null,
                "SOCIAL_VALUE", "Social value", null);
        put("TIE_BREAK",
                "EQUALITY_SCORE", "The higher weighted equality score", null,
                "QUALITY_SCORE", "The higher weighted quality score", null,
                "LOWER_PRICE", "The lower price", null);
        put("PAYMENT_TIMING",
                "ARREARS_ONLY", "Paid in arrears only", null,
                "ADVANCE_AVAILABLE", "Payment in advance is available", "Helps small organisations that cannot carry costs");
        put("ROUND_STATUS",
                "DRAFT", "Draft: being designed", null,
                "DESIGN_APPROVED", "Design approved: not yet published", null,
                "PUBLISHED", "Open for tenders", null,
                "CLOSED", "Closed: tenders are being opened", null,
                "EVALUATION", "Tenders are being evaluated", null,
                "MODERATION", "Scores are being moderated", null,
                "AWARD_PROPOSED", "Award being decided", null,
                "STANDSTILL", "Standstill period before the contract", null,
                "AWARDED", "Contract awarded", null,
                "CANCELLED", "Cancelled", null);
        put("SEVERITY",
                "BLOCK", "Blocks publication", "Fix the design: the round cannot be published while it stands",
                "FAIL", "Fails", "A tender that fails is disqualified",
                "WARN", "Needs a justification", "A named officer records why the round may go ahead despite it",
                "FLAG", "For a person to look at", "It does not stop anything",
                "INFO", "For information", null);
        put("PAST_SEVERITY",
                "BLOCK", "Would have blocked publication", null,
                "FAIL", "Would have failed the tender", null,
                "WARN", "Needed a named officer's justification", null,
                "FLAG", "For a person to look at", null,
                "INFO", "For information", null);
        put("LEGAL_FORCE",
                "L1", "Statute: binding", null,
                "L2", "Case law: binding", null,
                "L3", "Statutory guidance: depart only with reasons", null,
                "L4", "Government policy or guidance", null,
                "L5", "Good practice or local policy", null);
        put("TENDER_STATUS",
                "DRAFT", "Not sent yet", null,
                "SUBMITTED", "Sent", null,
                "SUPERSEDED", "Replaced by a revised tender", null,
                "WITHDRAWN", "Withdrawn", null);
        put("ADJUSTMENT",
                "MORE_TIME", "More time to prepare a tender", null,
                "OTHER_FORMAT", "The documents in another format", "For example large print, audio or a screen-reader friendly format",
                "BSL", "A British Sign Language interpreter", null,
                "EASY_READ", "Easy read versions of the documents", null,
                "MEETING", "A meeting or call instead of writing", null,
                "OTHER", "Something else", null);
    }

    private static void put(String kind, String... triples) {
        Map<String, String[]> labels = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            labels.put(triples[i], new String[]{triples[i + 1], triples[i + 2]});
        }
        ALL.put(kind, labels);
    }

    /** The label of a code of a kind, or the code in lower-case words. */
    public String of(String kind, String code) {
        if (code == null) {
            return "";
        }
        String[] label = ALL.getOrDefault(kind, Map.of()).get(code);
        if (label != null) {
            return label[0];
        }
        if ("TIE_BREAK".equals(kind) && code.startsWith("SUM_OF:")) {
            return "The higher total of the weighted scores for " + String.join(" and ",
                    java.util.Arrays.stream(code.substring("SUM_OF:".length()).split("\\+")).map(String::strip).toList());
        }
        String words = code.replace('_', ' ').toLowerCase(java.util.Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Every code of a kind as an option, in the order above. */
    public List<Option> options(String kind) {
        return ALL.getOrDefault(kind, Map.of()).entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Only these codes of a kind, in the order given. */
    public List<Option> options(String kind, List<String> codes) {
        return codes.stream().map(c -> new Option(c, of(kind, c), hint(kind, c))).toList();
    }

    public String hint(String kind, String code) {
        String[] label = ALL.getOrDefault(kind, Map.of()).get(code);
        return label == null ? null : label[1];
    }

    /** Points or a score to two decimal places, or "-" where there is none. */
    public String points(java.math.BigDecimal value) {
        return value == null ? "-" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public String money(Long pence) {
        return Money.format(pence);
    }

    public String dateTimeToSecond(java.time.Instant instant) {
        return Dates.dateTimeToSecond(instant);
    }

    public String dateTime(java.time.Instant instant) {
        return Dates.dateTime(instant);
    }

    /** The procurement rules that governed an award notice (its ProcurementScope, REG-03, REG-04, REG-05), in words. */
    public String scope(String code, String reason) {
        String why = reason == null || reason.isBlank() ? "" : ": " + reason;
        return switch (code == null ? "COVERED" : code) {
            case "BELOW_THRESHOLD" -> "Below the procurement threshold" + why;
            case "PSR" -> "The Provider Selection Regime" + why;
            case "GRANT" -> "The grant channel, outside procurement law" + why;
            default -> "A covered procurement: the full procurement rules";
        };
    }

    public String date(Object date) {
        return date instanceof java.time.LocalDate d ? Dates.date(d) : date instanceof java.time.Instant i ? Dates.date(i) : "";
    }
}
