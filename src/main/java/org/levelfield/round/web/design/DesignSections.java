package org.levelfield.round.web.design;

import static org.levelfield.round.web.design.DesignFields.checkboxes;
import static org.levelfield.round.web.design.DesignFields.date;
import static org.levelfield.round.web.design.DesignFields.dateTime;
import static org.levelfield.round.web.design.DesignFields.decimal;
import static org.levelfield.round.web.design.DesignFields.heading;
import static org.levelfield.round.web.design.DesignFields.lines;
import static org.levelfield.round.web.design.DesignFields.longText;
import static org.levelfield.round.web.design.DesignFields.money;
import static org.levelfield.round.web.design.DesignFields.moneyLines;
import static org.levelfield.round.web.design.DesignFields.radios;
import static org.levelfield.round.web.design.DesignFields.text;
import static org.levelfield.round.web.design.DesignFields.whole;
import static org.levelfield.round.web.design.DesignFields.yesNo;

import java.util.List;

import org.levelfield.common.web.pages.Labels;
import org.levelfield.round.web.design.DesignFields.Field;

/**
 * The questions of each design page, in the words a commissioner would use, each naming the rule that
 * reads the answer where there is one. The answers land in the round command's JSON shape, so what the
 * pages build is exactly what the API accepts.
 */
final class DesignSections {

    private DesignSections() {
    }

    private static final Labels LABELS = new Labels();

    static List<Labels.Option> options(String... valueLabelPairs) {
        List<Labels.Option> out = new java.util.ArrayList<>();
        for (int i = 0; i < valueLabelPairs.length; i += 2) {
            out.add(new Labels.Option(valueLabelPairs[i], valueLabelPairs[i + 1], null));
        }
        return out;
    }

    static final List<Field> ABOUT = List.of(
            text("title", "Name of the round", "Bidders see this name, for example \"Riverside domestic abuse services\""),
            longText("description", "What the round buys, and for whom", "A short summary for bidders and the scrutiny panel"),
            date("commencementDate", "Date the procurement commences", "The date the regime in force is judged by. For example, 27 3 2027",
                    "the commencement date"),
            dateTime("tenderDeadline", "Deadline for tenders", "The date and time tenders must arrive by. RD-22 checks the period is long enough "
                    + "for small providers to respond", "the deadline for tenders"));

    static final List<Labels.Option> PARTNER_TYPES = options("COUNCIL", "Council", "NHS", "NHS body (for example an integrated care board)",
            "PCC", "Police and crime commissioner", "FIRE", "Fire and rescue authority", "OTHER_PUBLIC", "Another public body");

    static List<Field> partner(List<Labels.Option> types) {
        return List.of(
                text("name", "Partner's name", "For example \"Riverside Council\""),
                radios("type", "What kind of body is it?", null, types),
                yesNo("lead", "Is it the lead partner?", "The lead partner runs the round for the partnership. Choosing this partner makes "
                        + "it the only lead"));
    }

    static final List<Field> BUDGET_LINE = List.of(
            text("financialYear", "Financial year", "For example 2027/28"),
            money("amountPence", "Amount", null, "the amount"),
            text("purpose", "What it was for (optional)", "For example \"refuge places\" or \"small grants\""));

    static final List<Labels.Option> PRICE_MODES = options("PRICE_SCORED", "Bidders compete on price, scored by the published formula",
            "FIXED_PRICE", "A fixed price: bidders compete on quality only");

    static final List<Field> LOT = List.of(
            heading("The lot"),
            text("title", "Name of the lot", "For example \"Black and minoritised survivors\". Describe the service, not who may bid"),
            money("valueInclVatPence", "Value of the lot for its whole term, including VAT", null, "the lot's value"),
            whole("termMonths", "Term in months", "Ongoing services normally run for 36 months or more (RD-19)", "the term"),
            longText("terms.termReason", "If an ongoing service runs for less than 3 years, why (optional)", "RD-19"),
            radios("terms.mainSubjectMatter", "What is the main subject of the service?", "Health care may fall under the Provider Selection Regime; something else is held to the lower threshold for other services (REG-03, REG-04)",
                    options("SOCIAL_CARE", "Social care or support", "HEALTH_CARE", "Health care", "MIXED", "A mix of health and social care",
                            "OTHER", "Something else")),
            heading("Who the service is for"),
            DesignFields.yesNo("terms.deliveredToPublic", "Is the service delivered directly to the public?",
                    "If it is, the equality duty's relevance is high (RD-03)"),
            lines("terms.userGroups", "Who uses the service (optional)", "One group a line, for example \"women and children\""),
            text("terms.userRestriction", "Is the service limited to one group of users? If so, which (optional)",
                    "For example \"women only\". RD-15 asks for the justification below"),
            longText("terms.userRestrictionJustification", "Why the limit is lawful (optional)",
                    "Positive action (Equality Act s158) or Schedule 3 paragraphs 26 and 27, with the evidence of need"),
            DesignFields.yesNo("terms.specialist", "Does the lot buy a specialist service?", "For example by and for, or characteristic-specific (SS-04)"),
            whole("terms.providerCount", "How many providers are known to offer it (optional)", null, "the number of providers"),
            heading("Price"),
            radios("terms.priceMode", "How is price treated?", null, PRICE_MODES),
            money("terms.fixedPricePence", "The fixed price, if there is one", "For a fixed-price lot only", "the fixed price"),
            money("terms.priceCeilingPence", "The most a tender may cost (optional)", null, "the price ceiling"),
            DesignFields.yesNo("terms.priceCeilingDisqualifying", "Is a price above the ceiling rejected?",
                    "If not, a price above it is only questioned (SC-06)"),
            money("terms.preTenderEstimatePence", "Your estimate of what the contract will cost (optional)",
                    "Prices far below it are questioned as abnormally low (SC-08)", "the pre-tender estimate"),
            money("terms.fullCostEstimatePence", "Your bottom-up full-cost estimate (optional)",
                    "A fixed price or ceiling below it risks excluding providers that cost properly (RD-18)", "the full-cost estimate"),
            radios("terms.priceVatBasis", "Prices are stated and compared", null,
                    options("EXCLUDING_VAT", "Excluding VAT", "INCLUDING_VAT", "Including VAT")),
            radios("terms.paymentTiming", "How is the provider paid?", "RD-20", LABELS.options("PAYMENT_TIMING")),
            radios("terms.paymentFrequency", "How often is the provider paid?", "A provider paid in arrears carries that long of delivery first (RD-20)",
                    LABELS.options("PAYMENT_FREQUENCY")),
            heading("What the tender asks", "Keep the bid in proportion to the lot (SS-05)"),
            whole("terms.questionCount", "How many quality questions does the tender ask? (optional)",
                    "Count every question a bidder answers in writing, including any not scored as a criterion of its own", "the number of questions"),
            DesignFields.checkboxes("terms.requestedDocuments", "Which documents must every bidder upload? (optional)",
                    "Accounts, registration and governing documents are already on the public registers and in each bidder's profile",
                    LABELS.options("DOCUMENT")),
            heading("Mandatory requirements"),
            lines("terms.mandatoryItems", "What every tender must meet (optional)",
                    "One requirement a line, pass or fail, for example \"BSL interpreting at every session\" (SC-09)"));

    static final List<Field> LOT_CONDITIONS = List.of(
            heading("Who may bid", "Conditions that small and specialist providers cannot meet shut them out (RD-06 to RD-08, SS-10)"),
            text("eligibilityRestriction", "Is bidding limited to some organisations? If so, which (optional)",
                    "Only reservations the law permits are allowed (RD-13): specify the service, not who runs the bidder"),
            radios("reservationBasis", "The law that permits the reservation, if there is one", null,
                    options("PA_S32", "Supported employment providers (Procurement Act 2023 s32)", "PA_S33", "Public service mutuals (s33)",
                            "PCR_REG20", "Supported businesses (PCR 2015 reg 20)", "PCR_REG77", "Mutuals (PCR 2015 reg 77)")),
            money("minTurnoverPence", "Minimum yearly turnover asked of bidders (optional)", "More than twice the lot's yearly value needs reasons (RD-06)",
                    "the minimum turnover"),
            longText("turnoverJustification", "Why that turnover is needed (optional)", null),
            DesignFields.yesNo("requiresAuditedAccounts", "Must bidders have audited accounts?", "Small charities have examined accounts instead (RD-07)"),
            radios("insuranceTiming", "When must bidders hold insurance?", null, LABELS.options("INSURANCE_TIMING")),
            whole("terms.minTradingYears", "Years of trading asked of bidders (optional)", null, "the years of trading"),
            money("terms.minPriorContractValuePence", "Yearly value of past contracts asked of bidders (optional)", null, "the value of past contracts"),
            DesignFields.yesNo("terms.publicContractExperienceOnly", "Does only experience of public contracts count?", "Grant-funded work is experience too (RD-08)"),
            lines("terms.requiredAccreditations", "Accreditations or quality marks required (optional)", "One a line"),
            whole("terms.minStaffHeadcount", "Staff headcount asked of bidders (optional)", null, "the staff headcount"),
            DesignFields.yesNo("terms.equalityEvidenceRequired", "Must bidders show how they work on equality?",
                    "A policy from organisations with 50 or more staff; a short statement of practice from smaller ones (SEL-03)"),
            whole("terms.minContractCount", "How many pieces of comparable work must bidders show? (optional)",
                    "For example 2. Work of any funding kind counts (SEL-08)", "the number of pieces of work"),
            whole("terms.experiencePeriodYears", "Within how many years? (optional)", "For example 5, for work in the last 5 years",
                    "the number of years"),
            money("terms.publicLiabilityCoverPence", "Public liability cover asked (optional)", "Per claim", "the public liability cover"),
            money("terms.employersLiabilityCoverPence", "Employers' liability cover asked (optional)", "£5 million is the legal minimum",
                    "the employers' liability cover"),
            money("terms.professionalIndemnityCoverPence", "Professional indemnity cover asked (optional)", null, "the professional indemnity cover"));

    static final List<Labels.Option> ASSESSES = options("TENDER", "How this contract will be delivered",
            "ASSIGNED_STAFF", "The skills and experience of the staff assigned to it", "BIDDER_HISTORY", "What the bidder has done before",
            "CORPORATE_WORKFORCE", "The bidder's workforce statistics");

    static List<Field> criterion() {
        return List.of(
                text("title", "Name of the criterion", "For example \"Race equality\""),
                radios("kind", "What does it score?", null, LABELS.options("CRITERION_KIND")),
                radios("duty", "For an equality criterion not divided into parts: which duty?", null, LABELS.options("DUTY")),
                decimal("weight", "Weight, out of 100", "The weights of a lot's criteria add up to 100", "the weight"),
                longText("descriptors", "What each score means", "The published scale 0 to 5, for example \"5 costed plan with KPIs by ethnicity; "
                        + "3 credible plan; 2 or less policy only\""),
                longText("methodology", "How it is assessed (optional)", "Published with the criterion (Procurement Act 2023 s23)"),
                whole("minScore", "A score below which a tender fails (optional)", "On the scale 0 to 5", "the disqualifying score"),
                whole("wordLimit", "Word limit for answers (optional)", null, "the word limit"),
                radios("assesses", "What is assessed?", "Scoring the bidder's history rather than this contract needs care (RD-12)", ASSESSES),
                radios("scoringBasis", "For social value: what earns the score?", "Who the bidder is cannot earn points (SS-09)",
                        options("COMMITMENT", "What the tender commits to do", "STATUS", "Who the bidder is")));
    }

    static final List<Field> SUB_CRITERION = List.of(
            text("title", "Name", "For example \"Race\""),
            radios("duty", "Duty (for the parts of an equality criterion)", null, LABELS.options("DUTY")),
            text("weight", "Weight in points", "Its share of the criterion's weight: a number or an exact fraction, like 5 or 10/3"),
            whole("minScore", "A score below which a tender fails (optional)", null, "the disqualifying score"));

    static final List<Labels.Option> RELEVANCE = options("HIGH", "High: the service is delivered directly to the public or affects groups a lot",
            "MEDIUM", "Medium", "LOW", "Low");

    static final List<Field> EQIA = List.of(
            date("assessedOn", "Date of the assessment", "It must come before the design is approved (RD-01)", "the date of the assessment"),
            radios("relevance", "How relevant is the equality duty to this round?", null, RELEVANCE),
            longText("specialistImpact", "The effect on specialist providers and the groups they serve (optional)", "SS-01 reads this"));

    static final List<Field> EQIA_ENTRY = List.of(
            longText("evidence", "Evidence", "What you know about this group's needs and use of the service"),
            text("impact", "Likely impact", "Positive, neutral or negative, and on whom"),
            longText("mitigation", "Mitigation (optional)", null),
            longText("decision", "What you decided about this impact, and why (optional)",
                    "Where the design cuts provision for a group, say what you decided knowing that (SS-01)"),
            text("dataGap", "Data gap (optional)", null),
            text("gapAction", "What will be done about the gap, and by when (optional)", null),
            text("notApplicableReason", "If this does not apply, why not (optional)", "\"Not applicable\" needs a reason (RD-02)"));

    /** For advancing equality, the three needs the duty names (Equality Act 2010 s149(3)). */
    static final List<Field> EQIA_ADVANCE_NEEDS = List.of(
            heading("The three needs of advancing equality", "Equality Act 2010 s149(3): say how the round meets each, or why it cannot (RD-02)"),
            longText("disadvantage", "Removing or minimising disadvantage (optional)", "s149(3)(a)"),
            longText("differentNeeds", "Meeting the group's different needs (optional)", "s149(3)(b)"),
            longText("participation", "Encouraging the group to take part (optional)", "s149(3)(c)"));

    static final List<Labels.Option> CHARACTERISTICS = LABELS.options("CHARACTERISTIC");

    /** The round's details, in four pages: the key is the page's address. */
    static final java.util.Map<String, DetailsPage> DETAILS = new java.util.LinkedHashMap<>();

    record DetailsPage(String key, String title, String hint, List<Field> fields) {
    }

    static {
        DETAILS.put("consultation", new DetailsPage("consultation", "Consultation and social value",
                "Who was asked before the round was designed (RD-16, RD-11)", List.of(
                date("consultation.start", "Consultation with the VCS and service users began", null, "the start of the consultation"),
                date("consultation.end", "Consultation ended", "Allow 12 weeks, or say why it was shorter", "the end of the consultation"),
                longText("consultation.reasonForShort", "Why the consultation was shorter than 12 weeks (optional)", null),
                DesignFields.yesNo("socialValueConsidered", "Was social value considered before procuring?", "RD-11"),
                DesignFields.yesNo("socialValuePolicyAdopted", "Has the authority adopted a social value policy?", "PPN 002 or a local policy"))));
        DETAILS.put("market", new DetailsPage("market", "Small grants and market engagement",
                "What the pooled budget funded before, and who was engaged (RD-21, RD-23, SS-02, SS-07, SS-08)", List.of(
                money("smallGrants.previousPerYearPence", "Needs-led small grants funded by these budgets before, a year (optional)", null,
                        "the small grants a year"),
                DesignFields.yesNo("smallGrants.retained", "Do the small grants stay as grants?", null),
                longText("smallGrants.absorptionDecision", "The decision to absorb them into the contract, if so (optional)", null),
                DesignFields.yesNo("marketEngagement.specialistProvidersEngaged", "Were small, specialist and by-and-for providers engaged before the tender?", null),
                DesignFields.yesNo("marketEngagement.outputsSharedEqually", "Was what they learnt shared equally with every bidder?", null),
                lines("marketEngagement.capacityActions", "Capacity building offered (optional)", "One action a line"),
                moneyLines("localSpecialistTurnoversPence", "Yearly turnovers of local specialist providers (optional)", "One amount a line",
                        "a turnover"))));
        DETAILS.put("contract", new DetailsPage("contract", "The contract and its monitoring",
                "Equality clauses, fair subcontracting and monitoring (RD-24 to RD-26, SS-06, REG-05)", List.of(
                date("plannedPublicationDate", "Planned publication date (optional)",
                        "The day the tender notice is to go out. Until the round is published, the tender period (RD-22) and the conflicts assessment (RD-24) are checked against it; at publication, against the day it is published",
                        "the planned publication date"),
                date("conflictsAssessedOn", "Date of the conflicts assessment", "It must come before the tender notice (RD-24)", "the conflicts assessment"),
                checkboxes("monitoringCharacteristics", "Outcome monitoring is reported by", "RD-25 warns for each one left out", CHARACTERISTICS),
                text("dataProtectionBasis", "The lawful basis for equality monitoring", "For example \"DPA 2018 Sch 1 para 8\""),
                checkboxes("contractClauses", "Equality clauses in the contract", null, options(
                        "COMPLY_EQUALITY_ACT", "The provider complies with the Equality Act 2010",
                        "ASSIST_PSED", "The provider helps the authority meet its public sector equality duty",
                        "ACKNOWLEDGE_S149_2", "The provider acknowledges that s149(2) applies to public functions it carries out",
                        "FLOW_DOWN_TO_SUBCONTRACTORS", "These duties flow down to subcontractors")),
                DesignFields.yesNo("primeContractorExpected", "Is a generic prime contractor expected to subcontract specialist delivery?", null),
                checkboxes("subcontractClauses", "Fair subcontracting clauses", null, options(
                        "FULL_COST_RECOVERY", "Subcontractors recover their full costs", "PAY_IN_30_DAYS", "Subcontractors are paid within 30 days",
                        "REPORT_SUBCONTRACT_SPEND", "The prime reports what it spends with subcontractors",
                        "NO_BID_CANDY", "No specialist named in a bid without a real agreement")),
                radios("fundingLabel", "What is the arrangement called?", "REG-05", options("CONTRACT", "A contract", "GRANT", "A grant")),
                DesignFields.yesNo("authoritySpecifiesService", "Does the authority specify and buy the service for itself?", null))));
        DETAILS.put("evaluation", new DetailsPage("evaluation", "Lots, bidding and evaluation",
                "How the lots are awarded, who may bid together, and how ties are broken (RD-04, RD-05, SS-03, SC-10, SC-13)", List.of(
                longText("lotsReason", "Why the requirement is (or is not) divided into these lots", "Needed where there is a single lot (RD-04)"),
                whole("maxLotsPerSupplier", "The most lots one supplier may win (optional)", "Leave empty for no limit", "the lot limit"),
                longText("lotLimitMechanism", "How the limit is applied, as published (optional)", null),
                radios("lotAllocation", "Where a supplier wins more lots than the limit, it keeps", null, options(
                        "HIGHEST_VALUE_FIRST", "Its lots of highest value", "LARGEST_LEAD_FIRST", "The lots where its lead is largest")),
                DesignFields.yesNo("consortiumCountsForMembers", "Does a consortium's win count towards each member's limit?", null),
                DesignFields.yesNo("consortiaAllowed", "May consortia bid without forming a legal entity?", "SS-03"),
                DesignFields.yesNo("reliancePermitted", "May bidders rely on others' capacity?", "SS-03"),
                DesignFields.yesNo("blindEvaluation", "Do evaluators see tenders as \"Tender A, B, C\" until the award is computed?", null),
                radios("tieBreakSlots.0", "First tie-break", "Published with the round (SC-10)", LABELS.options("TIE_BREAK")),
                radios("tieBreakSlots.1", "Second tie-break (optional)", null, LABELS.options("TIE_BREAK")),
                radios("tieBreakSlots.2", "Third tie-break (optional)", null, LABELS.options("TIE_BREAK")))));
    }

    static final List<Field> INCUMBENT = List.of(
            text("organisation", "Organisation", null),
            radios("fundingType", "How it is funded", null, options("GRANT", "A grant", "CONTRACT", "A contract")),
            money("fundingPerYearPence", "Funding a year", null, "the funding a year"),
            text("groupServed", "The group it serves (optional)", "For example \"Black and minoritised women\""),
            DesignFields.yesNo("specialist", "Is it a specialist or by-and-for provider?", null),
            date("fundingEndDate", "Its funding ends", null, "the end of its funding"),
            date("noticeDate", "It was given notice", "At least 3 months before the funding ends (RD-17)", "the notice date"));
}
