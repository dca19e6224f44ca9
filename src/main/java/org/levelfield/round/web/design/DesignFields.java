package org.levelfield.round.web.design;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.levelfield.common.web.pages.Dates;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Money;
import org.levelfield.common.web.pages.Page;
import org.levelfield.common.web.pages.Question;

/**
 * The questions of a design page, each bound to a place in the working copy's JSON (the round command's
 * shape): how its answer is shown, and how what was typed is read back, checked and written. A page is
 * one or more groups of fields, each over its own part of the copy (a lot, a criterion, an equality
 * impact entry). What cannot be read (a word where a number goes, a date that does not exist) is an
 * error on the page and nothing is written; what the round as a whole needs is checked when it is saved.
 */
final class DesignFields {

    private DesignFields() {
    }

    static final int MOST_TEXT = 10_000;

    /**
     * A question: its kind, the path of its answer under the group's node ("terms.priceMode"), its label,
     * hint and options, and the words for it in an error message ("the lot's value").
     */
    record Field(String kind, String path, String label, String hint, List<Labels.Option> options, String what) {
        String name(String prefix) {
            return prefix + path.replace('.', '-');
        }
    }

    /** Some fields over one part of the copy; the prefix keeps their names apart from another group's. */
    record Group(ObjectNode node, String prefix, List<Field> fields) {
    }

    static Field heading(String text) {
        return new Field("heading", "", text, null, List.of(), null);
    }

    static Field heading(String text, String about) {
        return new Field("heading", "", text, about, List.of(), null);
    }

    static Field text(String path, String label, String hint) {
        return new Field("text", path, label, hint, List.of(), label);
    }

    static Field longText(String path, String label, String hint) {
        return new Field("textarea", path, label, hint, List.of(), label);
    }

    static Field money(String path, String label, String hint, String what) {
        return new Field("money", path, label, hint, List.of(), what);
    }

    static Field whole(String path, String label, String hint, String what) {
        return new Field("whole", path, label, hint, List.of(), what);
    }

    static Field decimal(String path, String label, String hint, String what) {
        return new Field("decimal", path, label, hint, List.of(), what);
    }

    static Field yesNo(String path, String label, String hint) {
        return new Field("yesNo", path, label, hint, List.of(), label);
    }

    static Field radios(String path, String label, String hint, List<Labels.Option> options) {
        return new Field("radios", path, label, hint, options, label);
    }

    static Field checkboxes(String path, String label, String hint, List<Labels.Option> options) {
        return new Field("checkboxes", path, label, hint, options, label);
    }

    /** A list of short texts, one a line. */
    static Field lines(String path, String label, String hint) {
        return new Field("lines", path, label, hint, List.of(), label);
    }

    /** A list of amounts, one a line. */
    static Field moneyLines(String path, String label, String hint, String what) {
        return new Field("moneyLines", path, label, hint, List.of(), what);
    }

    static Field date(String path, String label, String hint, String what) {
        return new Field("date", path, label, hint, List.of(), what);
    }

    /** A moment as a date and a time of day (UK time), kept as an instant. */
    static Field dateTime(String path, String label, String hint, String what) {
        return new Field("dateTime", path, label, hint, List.of(), what);
    }

    // ---- showing ----

    /** The questions of the groups, showing what was typed if the page is shown again, else what the copy holds. */
    static List<Question> questions(List<Group> groups, Map<String, Object> typed) {
        List<Question> out = new ArrayList<>();
        for (Group g : groups) {
            for (Field f : g.fields()) {
                out.addAll(questions(f, f.name(g.prefix()), at(g.node(), f.path()), typed));
            }
        }
        return out;
    }

    private static List<Question> questions(Field f, String name, JsonNode value, Map<String, Object> typed) {
        boolean wasTyped = typed.containsKey(name) || typed.containsKey(name + "-day") || typed.containsKey(name + "-time");
        return switch (f.kind()) {
            case "heading" -> List.of(new Question("heading", "", f.label(), f.hint(), List.of(), null, null));
            case "text" -> List.of(Question.text(name, f.label(), f.hint(), wasTyped ? typed.get(name) : text(value)));
            case "whole", "decimal" -> List.of(Question.number(name, f.label(), f.hint(), wasTyped ? typed.get(name) : text(value)));
            case "textarea", "lines" -> List.of(Question.longText(name, f.label(), f.hint(), wasTyped ? typed.get(name)
                    : f.kind().equals("lines") ? String.join("\n", strings(value)) : text(value), null));
            case "money" -> List.of(Question.money(name, f.label(), f.hint(), wasTyped ? typed.get(name)
                    : value.isNumber() ? Money.typed(value.asLong()) : ""));
            case "moneyLines" -> {
                List<String> amounts = new ArrayList<>();
                value.forEach(v -> amounts.add(Money.typed(v.asLong())));
                yield List.of(Question.longText(name, f.label(), f.hint(), wasTyped ? typed.get(name) : String.join("\n", amounts), null));
            }
            case "yesNo" -> List.of(Question.yesNo(name, f.label(), f.hint(), wasTyped ? typed.get(name)
                    : value.isBoolean() ? (value.asBoolean() ? "yes" : "no") : null));
            case "radios" -> List.of(Question.radios(name, f.label(), f.hint(), f.options(), wasTyped ? typed.get(name) : text(value)));
            case "checkboxes" -> List.of(Question.checkboxes(name, f.label(), f.hint(), f.options(),
                    wasTyped ? listOf(typed.get(name)) : strings(value)));
            case "date" -> List.of(Question.date(name, f.label(), f.hint(), wasTyped ? typedDate(typed, name) : dayMonthYear(text(value))));
            case "dateTime" -> {
                String day = null;
                String time = null;
                if (!text(value).isEmpty()) {
                    var at = java.time.Instant.parse(text(value)).atZone(Dates.LONDON);
                    day = at.toLocalDate().toString();
                    time = at.toLocalTime().withSecond(0).withNano(0).toString();
                }
                yield List.of(Question.date(name, f.label(), f.hint(), wasTyped ? typedDate(typed, name) : dayMonthYear(day)),
                        Question.text(name + "-time", "Time, UK time", "24-hour, for example 12:00",
                                wasTyped ? typed.get(name + "-time") : time));
            }
            default -> throw new IllegalArgumentException("no question of kind " + f.kind());
        };
    }

    private static List<String> typedDate(Map<String, Object> typed, String name) {
        return java.util.Arrays.asList(str(typed.get(name + "-day")), str(typed.get(name + "-month")), str(typed.get(name + "-year")));
    }

    private static List<String> dayMonthYear(String iso) {
        if (iso == null || iso.isEmpty()) {
            return java.util.Arrays.asList(null, null, null);
        }
        LocalDate d = LocalDate.parse(iso);
        return List.of(String.valueOf(d.getDayOfMonth()), String.valueOf(d.getMonthValue()), String.valueOf(d.getYear()));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOf(Object typed) {
        return typed == null ? List.of() : typed instanceof List<?> l ? (List<String>) l : List.of(typed.toString());
    }

    // ---- reading ----

    /** Reads every field of the groups into their nodes; problems go on the page. Returns whether all could be read. */
    static boolean read(List<Group> groups, Form form, Map<String, Object> model) {
        boolean ok = true;
        for (Group g : groups) {
            for (Field f : g.fields()) {
                if (!f.kind().equals("heading")) {
                    ok &= read(f, f.name(g.prefix()), form, g.node(), model);
                }
            }
        }
        return ok;
    }

    private static boolean read(Field f, String name, Form form, ObjectNode node, Map<String, Object> model) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String typed = form.text(name);
        if (typed != null && typed.length() > MOST_TEXT) {
            return problem(model, name, capitalised(f.what()) + " must be " + String.format("%,d", MOST_TEXT) + " characters or fewer");
        }
        switch (f.kind()) {
            case "text", "textarea" -> put(node, f.path(), typed == null ? null : nodes.textNode(typed));
            case "radios" -> {
                if (typed != null && f.options().stream().noneMatch(o -> o.value().equals(typed))) {
                    return problem(model, name, "Choose one of the answers given for: " + f.label());
                }
                put(node, f.path(), typed == null ? null : nodes.textNode(typed));
            }
            case "checkboxes" -> {
                ArrayNode list = nodes.arrayNode();
                form.list(name).stream().filter(v -> f.options().stream().anyMatch(o -> o.value().equals(v))).distinct().forEach(list::add);
                put(node, f.path(), list);
            }
            case "lines" -> {
                ArrayNode list = nodes.arrayNode();
                splitLines(typed).forEach(list::add);
                put(node, f.path(), list);
            }
            case "yesNo" -> put(node, f.path(), typed == null ? null : nodes.booleanNode("yes".equals(typed)));
            case "money" -> {
                Money.Read read = Money.pounds(typed, f.what());
                if (!read.ok()) {
                    return problem(model, name, read.problem());
                }
                put(node, f.path(), read.pence() == null ? null : nodes.numberNode(read.pence()));
            }
            case "moneyLines" -> {
                ArrayNode list = nodes.arrayNode();
                for (String line : splitLines(typed)) {
                    Money.Read read = Money.pounds(line, f.what());
                    if (!read.ok()) {
                        return problem(model, name, read.problem() + " (one amount a line)");
                    }
                    list.add(read.pence());
                }
                put(node, f.path(), list);
            }
            case "whole" -> {
                if (typed == null) {
                    put(node, f.path(), null);
                } else if (!typed.replace(",", "").matches("\\d{1,9}")) {
                    return problem(model, name, capitalised(f.what()) + " must be a whole number, like 36");
                } else {
                    put(node, f.path(), nodes.numberNode(Integer.parseInt(typed.replace(",", ""))));
                }
            }
            case "decimal" -> {
                if (typed == null) {
                    put(node, f.path(), null);
                } else if (!typed.matches("\\d{1,3}(\\.\\d{1,3})?")) {
                    return problem(model, name, capitalised(f.what()) + " must be a number from 0 to 100 with at most 3 decimal places, like 30 or 12.5");
                } else {
                    put(node, f.path(), nodes.numberNode(new BigDecimal(typed)));
                }
            }
            case "date" -> {
                Dates.Read read = Dates.of(form.text(name + "-day"), form.text(name + "-month"), form.text(name + "-year"), f.what());
                if (!read.ok()) {
                    return problem(model, name, read.problem());
                }
                put(node, f.path(), read.date() == null ? null : nodes.textNode(read.date().toString()));
            }
            case "dateTime" -> {
                Dates.Read read = Dates.of(form.text(name + "-day"), form.text(name + "-month"), form.text(name + "-year"), f.what());
                String time = form.text(name + "-time");
                if (!read.ok()) {
                    return problem(model, name, read.problem());
                }
                if (read.date() == null) {
                    if (time != null) {
                        return problem(model, name, "Enter the date of " + f.what() + ", or leave its time empty too");
                    }
                    put(node, f.path(), null);
                    return true;
                }
                LocalTime at;
                try {
                    at = LocalTime.parse(time == null ? "" : time.length() == 4 ? "0" + time : time);
                } catch (DateTimeParseException notATime) {
                    return problem(model, name + "-time", "Enter the time of " + f.what() + " in 24-hour form, like 12:00");
                }
                put(node, f.path(), nodes.textNode(read.date().atTime(at).atZone(Dates.LONDON).toInstant().toString()));
            }
            default -> throw new IllegalArgumentException("no question of kind " + f.kind());
        }
        return true;
    }

    private static List<String> splitLines(String typed) {
        return typed == null ? List.of() : typed.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean problem(Map<String, Object> model, String name, String message) {
        Page.error(model, name, message);
        return false;
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "This answer" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---- the JSON tree ----

    /** The node at a dotted path under a node, or a missing node. */
    static JsonNode at(JsonNode node, String path) {
        if (path.isEmpty()) {
            return node;
        }
        JsonNode here = node;
        for (String part : path.split("\\.")) {
            here = here.path(part);
        }
        return here;
    }

    /** Writes a value at a dotted path, making the objects on the way; null removes it. */
    static void put(ObjectNode node, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        if (value == null || value.isNull()) {
            remove(node, parts, 0);
            return;
        }
        ObjectNode here = node;
        for (int i = 0; i < parts.length - 1; i++) {
            here = here.get(parts[i]) instanceof ObjectNode next ? next : here.putObject(parts[i]);
        }
        if (value == null || value.isNull()) {
            here.remove(parts[parts.length - 1]);
        } else {
            here.set(parts[parts.length - 1], value);
        }
    }

    /** Removes the value at a path, and any object on the way that is left empty (an empty consultation is no consultation). */
    private static void remove(ObjectNode node, String[] parts, int at) {
        if (at == parts.length - 1) {
            node.remove(parts[at]);
            return;
        }
        if (node.get(parts[at]) instanceof ObjectNode child) {
            remove(child, parts, at + 1);
            if (child.isEmpty()) {
                node.remove(parts[at]);
            }
        }
    }

    /** The array at a name under a node, made if it is not there. */
    static ArrayNode array(ObjectNode node, String name) {
        return node.get(name) instanceof ArrayNode array ? array : node.putArray(name);
    }

    static String text(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
