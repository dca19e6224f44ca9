package org.levelfield.tender.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Money;
import org.levelfield.common.web.pages.Page;
import org.levelfield.common.web.pages.Question;
import org.levelfield.round.model.Characteristic;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.tender.application.TenderCommand;
import org.levelfield.tender.model.TenderDetails;

/**
 * The question-page sections of a tender (equality evidence, monitoring plan, mandatory items,
 * price, declarations): their questions, the answers as stored shown back as typed, and the answers
 * read into the draft. The tender's own rules (TenderValidation) check them when the draft is saved
 * and again, completely, at submission.
 */
final class TenderSections {

    static final List<String> QUESTION_SECTIONS = List.of("evidence", "monitoring", "mandatory", "price", "declarations");

    private TenderSections() {
    }

    static String title(String section) {
        return switch (section) {
            case "evidence" -> "Equality evidence";
            case "monitoring" -> "How you will monitor outcomes";
            case "mandatory" -> "What every tender must provide";
            case "price" -> "Price";
            case "declarations" -> "Declarations";
            case "partners" -> "Consortium members and subcontractors";
            case "attachments" -> "Attachments";
            default -> "Your tender";
        };
    }

    static List<String> duties(Lot lot) {
        return lot.criteria().stream().filter(c -> c.duty() != null).map(c -> c.duty().name()).distinct().toList();
    }

    /** The stored answers of a section, as the page's fields hold them. */
    static Map<String, Object> typed(String section, TenderCommand c, Lot lot) {
        Map<String, Object> t = new LinkedHashMap<>();
        switch (section) {
            case "evidence" -> c.equalityEvidence().forEach(e -> {
                t.put("type-" + e.duty(), e.type());
                t.put("description-" + e.duty(), e.description());
            });
            case "monitoring" -> {
                if (c.monitoringPlan() != null) {
                    t.put("characteristics", c.monitoringPlan().characteristics());
                    t.put("frequency", c.monitoringPlan().frequency());
                    t.put("description", c.monitoringPlan().description());
                    t.put("safeguards", yesNo(c.monitoringPlan().dataProtectionSafeguards()));
                }
            }
            case "mandatory" -> {
                List<String> items = lot.terms().mandatoryItems();
                for (int i = 0; i < items.size(); i++) {
                    String item = items.get(i);
                    int n = i;
                    c.mandatoryItems().stream().filter(m -> item.equals(m.item())).findFirst().ifPresent(m -> {
                        t.put("met-" + n, yesNo(m.met()));
                        t.put("how-" + n, m.how());
                    });
                }
            }
            case "price" -> {
                t.put("price", Money.typed(c.pricePence()));
                t.put("vatBasis", c.vatBasis());
            }
            case "declarations" -> t.putAll(typedDeclarations(c.declarations()));
            default -> {
            }
        }
        return t;
    }

    static List<Question> questions(String section, Lot lot, Map<String, Object> t, Labels labels) {
        List<Question> q = new ArrayList<>();
        switch (section) {
            case "evidence" -> {
                for (String duty : duties(lot)) {
                    String name = labels.of("DUTY", duty).toLowerCase(java.util.Locale.UK);
                    q.add(Question.radios("type-" + duty, "What kind of evidence do you have for " + name + "?", null,
                            labels.options("EVIDENCE_TYPE"), t.get("type-" + duty)));
                    q.add(Question.longText("description-" + duty, "Describe your evidence for " + name,
                            "What it is, what it shows, and where it is in your tender", t.get("description-" + duty), null));
                }
            }
            case "monitoring" -> {
                q.add(Question.checkboxes("characteristics", "Which characteristics will you report outcomes and access by?",
                        "Select all that apply", labels.options("CHARACTERISTIC", java.util.Arrays.stream(Characteristic.values())
                                .map(Enum::name).filter(n -> !n.equals("MARRIAGE_CIVIL_PARTNERSHIP")).toList()),
                        t.get("characteristics") instanceof List<?> l ? l : t.get("characteristics") == null ? List.of() : List.of(t.get("characteristics"))));
                q.add(Question.radios("frequency", "How often will you report?", null, labels.options("FREQUENCY"), t.get("frequency")));
                q.add(Question.longText("description", "How will you collect and report the information?", null, t.get("description"), null));
                q.add(Question.yesNo("safeguards", "Will small numbers be hidden and personal data protected?",
                        "For example, counts under 5 suppressed, and data collected with consent", t.get("safeguards")));
            }
            case "mandatory" -> {
                List<String> items = lot.terms().mandatoryItems();
                for (int i = 0; i < items.size(); i++) {
                    q.add(Question.yesNo("met-" + i, "Will your service provide: " + items.get(i) + "?", null, t.get("met-" + i)));
                    q.add(Question.longText("how-" + i, "How?", null, t.get("how-" + i), null));
                }
            }
            case "price" -> {
                q.add(Question.money("price", "Your price for the whole contract", "The total for the full term of " + lot.termMonths()
                        + " months, for example £210,000", t.get("price")));
                boolean includingVat = lot.terms() != null && "INCLUDING_VAT".equals(lot.terms().priceVatBasis());
                q.add(Question.radios("vatBasis", "Does your price include VAT?", includingVat
                        ? "This lot compares prices including VAT: give your price including VAT, or say that you are not registered for VAT"
                        : "This lot compares prices excluding VAT: give your price without VAT, or say that you are not registered for VAT",
                        labels.options("VAT_BASIS"), t.get("vatBasis")));
            }
            case "declarations" -> q.addAll(declarationQuestions("your organisation", t));
            default -> {
            }
        }
        return q;
    }

    /** Reads a section's answers into the draft; a wrong answer puts a message in the model against its field. */
    static TenderCommand apply(String section, Form f, TenderCommand c, Lot lot, Map<String, Object> model) {
        return switch (section) {
            case "evidence" -> {
                List<TenderDetails.Evidence> evidence = new ArrayList<>(c.equalityEvidence().stream()
                        .filter(e -> !duties(lot).contains(e.duty())).toList());
                for (String duty : duties(lot)) {
                    String type = f.text("type-" + duty);
                    String description = f.text("description-" + duty);
                    if (type != null && !TenderDetails.EVIDENCE_TYPES.contains(type)) {
                        Page.error(model, "type-" + duty, "Select the kind of evidence");
                    }
                    tooLong(f, model, "description-" + duty, 5000);
                    if (type != null || description != null) {
                        evidence.add(new TenderDetails.Evidence(duty, type, description, null));
                    }
                }
                yield TenderDrafts.withEvidence(c, evidence);
            }
            case "monitoring" -> {
                if (f.has("frequency") && !TenderDetails.REPORTING_FREQUENCIES.contains(f.text("frequency"))) {
                    Page.error(model, "frequency", "Select how often you will report");
                }
                tooLong(f, model, "description", 5000);
                yield TenderDrafts.withMonitoring(c, new TenderDetails.MonitoringPlan(f.list("characteristics"), f.text("frequency"),
                        f.text("description"), f.yesNo("safeguards")));
            }
            case "mandatory" -> {
                List<TenderDetails.MandatoryItem> items = new ArrayList<>();
                List<String> published = lot.terms().mandatoryItems();
                for (int i = 0; i < published.size(); i++) {
                    tooLong(f, model, "how-" + i, 2000);
                    if (f.yesNo("met-" + i) != null || f.has("how-" + i)) {
                        items.add(new TenderDetails.MandatoryItem(published.get(i), f.yesNo("met-" + i), f.text("how-" + i)));
                    }
                }
                yield TenderDrafts.withMandatory(c, items);
            }
            case "price" -> {
                Money.Read price = Money.pounds(f.text("price"), "your price");
                if (!price.ok()) {
                    Page.error(model, "price", price.problem());
                }
                if (f.has("vatBasis") && !TenderDetails.VAT_BASES.contains(f.text("vatBasis"))) {
                    Page.error(model, "vatBasis", "Select whether your price includes VAT");
                }
                yield TenderDrafts.withPrice(c, price.pence(), f.text("vatBasis"));
            }
            case "declarations" -> TenderDrafts.withDeclarations(c, declarations(f, model));
            default -> c;
        };
    }

    /** The declarations as typed on a page: the lead's, or a consortium member's. */
    static Map<String, Object> typedDeclarations(TenderDetails.Declarations d) {
        Map<String, Object> t = new LinkedHashMap<>();
        if (d != null) {
            t.put("mandatoryExclusionGround", yesNo(d.mandatoryExclusionGround()));
            t.put("discretionaryExclusionGround", yesNo(d.discretionaryExclusionGround()));
            t.put("recurrenceLikely", yesNo(d.recurrenceLikely()));
            t.put("equalityLawFindings", d.equalityLawFindings());
            t.put("remedialSteps", d.remedialSteps());
            t.put("conflictOfInterest", yesNo(d.conflictOfInterest()));
            t.put("conflictDetails", d.conflictDetails());
        }
        return t;
    }

    /** The exclusion, equality-law and conflict questions about {@code who} ("your organisation", "this member"). */
    static List<Question> declarationQuestions(String who, Map<String, Object> t) {
        return List.of(
                Question.yesNo("mandatoryExclusionGround", "Does any mandatory exclusion ground apply to " + who + " or the people who run it?",
                        "For example a conviction for fraud, corruption or not paying tax (Procurement Act 2023, Schedule 6)", t.get("mandatoryExclusionGround")),
                Question.yesNo("discretionaryExclusionGround", "Does any discretionary exclusion ground apply to " + who + "?",
                        "For example serious misconduct or poor performance on a past contract (Schedule 7)", t.get("discretionaryExclusionGround")),
                Question.yesNo("recurrenceLikely", "If either applies, could it happen again?", "Answer no if neither applies", t.get("recurrenceLikely")),
                Question.number("equalityLawFindings", "In the last 3 years, how many times has a court or tribunal found that " + who + " broke equality law?",
                        "Enter 0 if none", t.get("equalityLawFindings")),
                Question.longText("remedialSteps", "What has been done since? (if any of the above applies)", null, t.get("remedialSteps"), null),
                Question.yesNo("conflictOfInterest", "Does anyone in " + who + " have a conflict of interest with this round?",
                        "For example a close relationship with someone at one of the commissioning partners", t.get("conflictOfInterest")),
                Question.longText("conflictDetails", "If yes, give details", null, t.get("conflictDetails"), null));
    }

    /** Reads the declarations from a page, with an error in place for a count that is not a number. */
    static TenderDetails.Declarations declarations(Form f, Map<String, Object> model) {
        Integer findings = null;
        if (f.has("equalityLawFindings")) {
            try {
                findings = Integer.parseInt(f.text("equalityLawFindings"));
                if (findings < 0 || findings > 1000) {
                    Page.error(model, "equalityLawFindings", "Enter a number from 0 to 1,000");
                }
            } catch (NumberFormatException bad) {
                Page.error(model, "equalityLawFindings", "Enter the number of findings as a whole number, or 0");
            }
        }
        tooLong(f, model, "remedialSteps", 5000);
        tooLong(f, model, "conflictDetails", 5000);
        return new TenderDetails.Declarations(f.yesNo("mandatoryExclusionGround"), f.yesNo("discretionaryExclusionGround"),
                f.yesNo("recurrenceLikely"), findings, f.text("remedialSteps"), f.yesNo("conflictOfInterest"), f.text("conflictDetails"));
    }

    /** Whether a section holds every answer submission needs (its status in the task list). */
    static boolean complete(String section, TenderCommand c, Lot lot) {
        return switch (section) {
            case "evidence" -> duties(lot).stream().allMatch(d -> c.equalityEvidence().stream()
                    .anyMatch(e -> d.equals(e.duty()) && e.type() != null && e.description() != null));
            case "monitoring" -> c.monitoringPlan() != null && c.monitoringPlan().frequency() != null && c.monitoringPlan().description() != null
                    && !c.monitoringPlan().characteristics().isEmpty();
            case "mandatory" -> lot.terms().mandatoryItems().stream().allMatch(i -> c.mandatoryItems().stream()
                    .anyMatch(m -> i.equals(m.item()) && m.met() != null));
            case "price" -> c.pricePence() != null && c.vatBasis() != null;
            case "declarations" -> c.declarations() != null && c.declarations().mandatoryExclusionGround() != null
                    && c.declarations().discretionaryExclusionGround() != null && c.declarations().conflictOfInterest() != null
                    && c.declarations().equalityLawFindings() != null;
            default -> true;
        };
    }

    static boolean answered(Criterion criterion, TenderCommand c) {
        return c.answers().stream().anyMatch(a -> a.criterionId().equals(criterion.id()) && a.answer() != null && !a.answer().isBlank());
    }

    static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static void tooLong(Form f, Map<String, Object> model, String field, int most) {
        if (f.has(field) && f.text(field).length() > most) {
            Page.error(model, field, "This answer must be " + String.format("%,d", most) + " characters or fewer");
        }
    }

    private static String yesNo(Boolean b) {
        return b == null ? null : b ? "yes" : "no";
    }
}
