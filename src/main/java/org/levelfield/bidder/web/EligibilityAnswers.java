package org.levelfield.bidder.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.levelfield.bidder.CheckingEligibility;
import org.levelfield.bidder.Codes;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Money;
import org.levelfield.common.web.pages.Page;
import org.levelfield.common.web.pages.Question;

/**
 * The "can we bid?" questions, what each answer must be, and how the answers become the profile
 * the eligibility rules read. Answers are kept as typed (text), and read again each time.
 */
final class EligibilityAnswers {

    private EligibilityAnswers() {
    }

    static List<String> intro(String step) {
        return switch (step) {
            case "organisation" -> List.of("Answer for the organisation that would lead the bid. We do not store your answers: they stay in your browser until you finish.");
            case "money" -> List.of("Use the figures from your latest accounts. If you have been running for less than a year, use what you expect this year.");
            case "insurance" -> List.of("Most contracts need public liability and professional indemnity insurance. Many rounds accept a promise to have it by the time the contract starts.");
            case "experience" -> List.of("Experience of any kind can count, not only contracts with public bodies.");
            case "consortium" -> List.of("Small organisations often bid together: in a consortium, your turnovers are added up.");
            case "exclusions" -> List.of("The law excludes some suppliers, for example for fraud, corruption or not paying tax (Procurement Act 2023, Schedules 6 and 7). Most organisations answer no.");
            default -> List.of();
        };
    }

    static List<Question> questions(String step, Map<String, Object> a, Labels labels) {
        return switch (step) {
            case "organisation" -> List.of(
                    Question.text("name", "Name of your organisation", null, a.get("name")),
                    Question.radios("legalForm", "What kind of organisation is it?", null, labels.options("LEGAL_FORM", Codes.LEGAL_FORMS), a.get("legalForm")),
                    Question.number("staff", "How many people does it employ?", "Count part-time staff as one each. Do not count volunteers.", a.get("staff")),
                    Question.yesNo("linkedEnterprises", "Is it part of a group, or linked to or a partner of another organisation? (optional)",
                            "For example a subsidiary of a larger charity or company, or another organisation holds a quarter or more of it", a.get("linkedEnterprises")));
            case "money" -> List.of(
                    Question.money("income", "Yearly income or turnover", "For example £210,000", a.get("income")),
                    Question.money("balanceSheet", "Balance sheet total (optional)", "Total assets from your balance sheet, if you know it", a.get("balanceSheet")),
                    Question.radios("accountsType", "What kind of accounts does it prepare?", null, labels.options("ACCOUNTS_TYPE", Codes.ACCOUNTS_TYPES), a.get("accountsType")));
            case "insurance" -> List.of(
                    Question.yesNo("insuranceHeld", "Does your organisation have the insurance a contract like this needs now?", null, a.get("insuranceHeld")),
                    Question.yesNo("insuranceUndertaking", "If not, could it get the insurance by the time the contract starts?", "Answer this if you answered no above", a.get("insuranceUndertaking")));
            case "experience" -> List.of(
                    Question.checkboxes("experienceKinds", "What experience does your organisation have of delivering similar services?", "Select all that apply. Leave them all empty if you have none yet.",
                            labels.options("EXPERIENCE", Codes.EXPERIENCE_KINDS), a.get("experienceKinds") instanceof List<?> l ? l : a.get("experienceKinds") == null ? List.of() : List.of(a.get("experienceKinds"))));
            case "consortium" -> List.of(
                    Question.yesNo("consortium", "Would you bid with other organisations, as a consortium?", null, a.get("consortium")),
                    Question.money("consortiumTurnover", "Yearly income or turnover of all the consortium's members together (optional)", "Include your own", a.get("consortiumTurnover")),
                    Question.yesNo("alternativeEvidence", "Could you show you can afford the contract in another way?", "For example reserves, a letter from a funder, or a guarantee", a.get("alternativeEvidence")));
            case "exclusions" -> List.of(
                    Question.yesNo("mandatoryExclusion", "Does any mandatory exclusion ground apply to your organisation or the people who run it?", null, a.get("mandatoryExclusion")),
                    Question.yesNo("recurrenceLikely", "If yes, could it happen again?", "Answer this if you answered yes above. Steps you have taken to stop it happening again count.", a.get("recurrenceLikely")),
                    Question.number("discriminationFindings", "In the last 3 years, how many times has a court or tribunal found that your organisation broke equality law?", "Enter 0 if none", a.get("discriminationFindings")),
                    Question.longText("remedialSteps", "What has your organisation done since? (optional)", null, a.get("remedialSteps"), null));
            default -> List.of();
        };
    }

    /** Checks one page's answers and puts a message in the model against each wrong one. */
    static Map<String, Object> read(String step, Form f, Map<String, Object> model) {
        switch (step) {
            case "organisation" -> {
                if (!f.has("name")) {
                    Page.error(model, "name", "Enter the name of your organisation");
                } else if (f.text("name").length() > 300) {
                    Page.error(model, "name", "The name must be 300 characters or fewer");
                }
                if (!Codes.LEGAL_FORMS.contains(String.valueOf(f.text("legalForm")))) {
                    Page.error(model, "legalForm", "Select what kind of organisation it is");
                }
                count(f, model, "staff", "Enter how many people it employs, as a whole number, like 6", true);
            }
            case "money" -> {
                Money.Read income = Money.pounds(f.text("income"), "yearly income or turnover");
                if (!income.ok()) {
                    Page.error(model, "income", income.problem());
                } else if (income.pence() == null) {
                    Page.error(model, "income", "Enter your yearly income or turnover, like £210,000");
                }
                Money.Read balance = Money.pounds(f.text("balanceSheet"), "the balance sheet total");
                if (!balance.ok()) {
                    Page.error(model, "balanceSheet", balance.problem());
                }
                if (!Codes.ACCOUNTS_TYPES.contains(String.valueOf(f.text("accountsType")))) {
                    Page.error(model, "accountsType", "Select the kind of accounts it prepares");
                }
            }
            case "insurance" -> {
                if (f.yesNo("insuranceHeld") == null) {
                    Page.error(model, "insuranceHeld", "Select yes if your organisation has the insurance now");
                } else if (!f.yesNo("insuranceHeld") && f.yesNo("insuranceUndertaking") == null) {
                    Page.error(model, "insuranceUndertaking", "Select yes if it could get the insurance by the contract start");
                }
            }
            case "experience" -> {
                for (String kind : f.list("experienceKinds")) {
                    if (!Codes.EXPERIENCE_KINDS.contains(kind)) {
                        Page.error(model, "experienceKinds", "Select only the kinds of experience listed");
                    }
                }
            }
            case "consortium" -> {
                if (f.yesNo("consortium") == null) {
                    Page.error(model, "consortium", "Select yes if you would bid as a consortium");
                }
                Money.Read together = Money.pounds(f.text("consortiumTurnover"), "the consortium's yearly income");
                if (!together.ok()) {
                    Page.error(model, "consortiumTurnover", together.problem());
                }
                if (f.yesNo("alternativeEvidence") == null) {
                    Page.error(model, "alternativeEvidence", "Select yes if you could show you can afford the contract in another way");
                }
            }
            case "exclusions" -> {
                if (f.yesNo("mandatoryExclusion") == null) {
                    Page.error(model, "mandatoryExclusion", "Select yes if a mandatory exclusion ground applies");
                } else if (f.yesNo("mandatoryExclusion") && f.yesNo("recurrenceLikely") == null) {
                    Page.error(model, "recurrenceLikely", "Select yes if it could happen again");
                }
                count(f, model, "discriminationFindings", "Enter how many findings there were, as a whole number, or 0", true);
                if (f.has("remedialSteps") && f.text("remedialSteps").length() > 5000) {
                    Page.error(model, "remedialSteps", "What you have done must be 5,000 characters or fewer");
                }
            }
            default -> {
            }
        }
        Map<String, Object> cleared = new LinkedHashMap<>();
        if ("experience".equals(step)) {
            cleared.put("experienceKinds", f.list("experienceKinds"));
        }
        return cleared;
    }

    private static void count(Form f, Map<String, Object> model, String field, String message, boolean required) {
        String typed = f.text(field);
        if (typed == null) {
            if (required) {
                Page.error(model, field, message);
            }
            return;
        }
        try {
            int n = Integer.parseInt(typed.replace(",", ""));
            if (n < 0) {
                Page.error(model, field, "The number must be 0 or more");
            } else if (n > 10_000_000) {
                Page.error(model, field, "The number must be 10,000,000 or fewer");
            }
        } catch (NumberFormatException notANumber) {
            Page.error(model, field, message);
        }
    }

    /** Whether a page's answers, as stored, are all there and right. */
    static boolean complete(String step, Map<String, Object> a) {
        Map<String, Object> body = new LinkedHashMap<>(a);
        Map<String, Object> model = Page.model("check");
        read(step, Form.of(body), model);
        return !Page.hasErrors(model) && (!"experience".equals(step) || a.containsKey("experienceKinds"));
    }

    static CheckingEligibility.Profile profile(Map<String, Object> a) {
        Form f = Form.of(a);
        boolean excluded = Boolean.TRUE.equals(f.yesNo("mandatoryExclusion"));
        return new CheckingEligibility.Profile(f.text("name"), f.text("legalForm"), Money.pounds(f.text("income"), "").pence(),
                Money.pounds(f.text("balanceSheet"), "").pence(), Integer.parseInt(f.text("staff").replace(",", "")), f.text("accountsType"),
                Boolean.TRUE.equals(f.yesNo("insuranceHeld")), Boolean.TRUE.equals(f.yesNo("insuranceUndertaking")),
                Boolean.TRUE.equals(f.yesNo("consortium")) ? Money.pounds(f.text("consortiumTurnover"), "").pence() : null,
                Boolean.TRUE.equals(f.yesNo("alternativeEvidence")), f.list("experienceKinds"), excluded,
                excluded && Boolean.TRUE.equals(f.yesNo("recurrenceLikely")), Integer.parseInt(f.text("discriminationFindings").replace(",", "")),
                f.text("remedialSteps"), null, null, f.yesNo("linkedEnterprises"), null);
    }

    /** The answers as a check-answers list: question, answer, and the page to change it on. */
    static List<Map<String, String>> summary(Map<String, Object> a, Labels labels) {
        Form f = Form.of(a);
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row("Organisation", f.text("name"), "organisation"));
        rows.add(row("Kind of organisation", labels.of("LEGAL_FORM", f.text("legalForm")), "organisation"));
        rows.add(row("Staff", f.text("staff"), "organisation"));
        if (f.yesNo("linkedEnterprises") != null) {
            rows.add(row("Part of a group, or linked to another organisation", f.yesNo("linkedEnterprises") ? "Yes" : "No", "organisation"));
        }
        rows.add(row("Yearly income or turnover", Money.format(Money.pounds(f.text("income"), "").pence()), "money"));
        rows.add(row("Accounts", labels.of("ACCOUNTS_TYPE", f.text("accountsType")), "money"));
        rows.add(row("Insurance now", yesNo(f.yesNo("insuranceHeld")), "insurance"));
        rows.add(row("Experience", f.list("experienceKinds").isEmpty() ? "None yet"
                : String.join("; ", f.list("experienceKinds").stream().map(k -> labels.of("EXPERIENCE", k)).toList()), "experience"));
        rows.add(row("Bidding as a consortium", yesNo(f.yesNo("consortium")), "consortium"));
        rows.add(row("Mandatory exclusion ground", yesNo(f.yesNo("mandatoryExclusion")), "exclusions"));
        return rows;
    }

    private static Map<String, String> row(String key, String value, String step) {
        return Map.of("key", key, "value", value == null ? "" : value, "step", step);
    }

    private static String yesNo(Boolean b) {
        return b == null ? "" : b ? "Yes" : "No";
    }
}
