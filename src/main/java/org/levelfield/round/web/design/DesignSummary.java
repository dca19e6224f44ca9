package org.levelfield.round.web.design;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.levelfield.common.web.pages.Dates;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Money;
import org.levelfield.round.web.design.DesignFields.Field;

/** The design's answers as the check-answers page shows them: a card for each part, each answer in words with where to change it. */
final class DesignSummary {

    private DesignSummary() {
    }

    private static final Labels LABELS = new Labels();

    public record Row(String key, String value, String href) {
    }

    public record Card(String title, String href, List<Row> rows) {
    }

    static List<Card> of(JsonNode copy, String base) {
        List<Card> cards = new ArrayList<>();
        cards.add(new Card("About the round", base + "/about", rows(DesignSections.ABOUT, copy, base + "/about", true)));

        List<Row> partners = new ArrayList<>();
        long pooled = 0;
        for (JsonNode p : copy.path("partners")) {
            long amount = 0;
            for (JsonNode line : p.path("budgetLines")) {
                amount += line.path("amountPence").asLong(0);
            }
            pooled += amount;
            partners.add(new Row(DesignFields.text(p.path("name")) + (p.path("lead").asBoolean(false) ? " (lead)" : ""),
                    label(DesignSections.PARTNER_TYPES, DesignFields.text(p.path("type"))) + ": " + Money.format(amount), null));
        }
        partners.add(new Row("Pooled budget", Money.format(pooled), null));
        cards.add(new Card("Partners and their budgets", base + "/partners", partners));

        int i = 0;
        for (JsonNode lot : copy.path("lots")) {
            String at = base + "/lots/" + i;
            List<Row> rows = new ArrayList<>(rows(DesignSections.LOT, lot, at, false));
            rows.addAll(rows(DesignSections.LOT_CONDITIONS, lot, at + "/conditions", false));
            for (JsonNode c : lot.path("criteria")) {
                List<String> parts = new ArrayList<>();
                c.path("subCriteria").forEach(s -> parts.add(DesignFields.text(s.path("title")) + " " + DesignFields.text(s.path("weight"))));
                rows.add(new Row("Criterion: " + DesignFields.text(c.path("title")), LABELS.of("CRITERION_KIND", DesignFields.text(c.path("kind")))
                        + (c.hasNonNull("duty") ? " (" + LABELS.of("DUTY", c.path("duty").asText()) + ")" : "")
                        + ", weight " + DesignFields.text(c.path("weight")) + (parts.isEmpty() ? "" : "; parts: " + String.join(", ", parts))
                        + (c.hasNonNull("minScore") ? "; a score below " + c.path("minScore").asText() + " fails" : ""), at + "/criteria"));
            }
            if (lot.path("criteria").isEmpty()) {
                rows.add(new Row("Award criteria", "None yet", at + "/criteria"));
            }
            cards.add(new Card("Lot " + (i + 1) + ": " + DesignFields.text(lot.path("title")), at, rows));
            i++;
        }

        JsonNode eqia = copy.path("eqia");
        List<Row> equality = new ArrayList<>(rows(DesignSections.EQIA, eqia, base + "/eqia", true));
        for (var c : DesignSections.CHARACTERISTICS) {
            int recorded = 0;
            int applicable = 0;
            int limbs = c.value().equals("MARRIAGE_CIVIL_PARTNERSHIP") ? 1 : 3;
            for (JsonNode e : eqia.path("entries")) {
                if (e.path("characteristic").asText().equals(c.value())) {
                    recorded += e.hasNonNull("evidence") && e.hasNonNull("impact") ? 1 : 0;
                    applicable += e.hasNonNull("notApplicableReason") ? 1 : 0;
                }
            }
            equality.add(new Row(c.label(), recorded + " of " + limbs + (limbs == 1 ? " aim" : " aims") + " with evidence and impact"
                    + (applicable > 0 ? "; " + applicable + " not applicable, with a reason" : ""), base + "/eqia/" + c.value()));
        }
        cards.add(new Card("Equality impact assessment", base + "/eqia", equality));

        JsonNode details = copy.path("details");
        for (var page : DesignSections.DETAILS.values()) {
            List<Row> rows = rows(page.fields().stream().filter(f -> !f.path().startsWith("tieBreakSlots")).toList(), details,
                    base + "/details/" + page.key(), false);
            if (page.key().equals("evaluation")) {
                List<String> steps = DesignFields.strings(details.path("tieBreak")).stream().map(s -> LABELS.of("TIE_BREAK", s)).toList();
                rows.add(new Row("Tie-breaks, in order", steps.isEmpty() ? "None published" : String.join("; then ", steps), base + "/details/evaluation"));
            }
            cards.add(new Card(page.title(), base + "/details/" + page.key(), rows.isEmpty() ? List.of(new Row("Answers", "None given", null)) : rows));
        }
        List<Row> incumbents = new ArrayList<>();
        for (JsonNode p : details.path("incumbents")) {
            incumbents.add(new Row(DesignFields.text(p.path("organisation")), String.join("; ", rows(DesignSections.INCUMBENT.subList(1,
                    DesignSections.INCUMBENT.size()), p, null, false).stream().map(r -> r.key() + ": " + r.value()).toList()), null));
        }
        cards.add(new Card("Current providers", base + "/details/incumbents", incumbents.isEmpty() ? List.of(new Row("Providers", "None", null)) : incumbents));
        return cards;
    }

    /** A row for each answered field (and each required one, answered or not, where {@code all}). */
    static List<Row> rows(List<Field> fields, JsonNode node, String href, boolean all) {
        List<Row> rows = new ArrayList<>();
        for (Field f : fields) {
            if (f.kind().equals("heading")) {
                continue;
            }
            String value = display(f, DesignFields.at(node, f.path()));
            if (!value.isEmpty() || all) {
                rows.add(new Row(f.label().replace(" (optional)", ""), value.isEmpty() ? "Not given" : value, href));
            }
        }
        return rows;
    }

    static String display(Field f, JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull() || (v.isArray() && v.isEmpty())) {
            return "";
        }
        return switch (f.kind()) {
            case "money" -> Money.format(v.asLong());
            case "yesNo" -> v.asBoolean() ? "Yes" : "No";
            case "radios" -> label(f.options(), v.asText());
            case "checkboxes" -> String.join("; ", DesignFields.strings(v).stream().map(s -> label(f.options(), s)).toList());
            case "lines" -> String.join("; ", DesignFields.strings(v));
            case "moneyLines" -> {
                List<String> out = new ArrayList<>();
                v.forEach(a -> out.add(Money.format(a.asLong())));
                yield String.join("; ", out);
            }
            case "date" -> Dates.date(LocalDate.parse(v.asText()));
            case "dateTime" -> Dates.dateTime(Instant.parse(v.asText()));
            default -> v.asText();
        };
    }

    private static String label(List<Labels.Option> options, String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(Labels.Option::label).findFirst().orElse(value);
    }
}
