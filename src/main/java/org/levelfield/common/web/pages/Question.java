package org.levelfield.common.web.pages;

import java.util.List;

/**
 * One question on a question page, rendered by {@code components/fields :: question(q)}: a text,
 * number, money, long-text, radios, checkboxes, yes/no or date field (or a heading between them) with its label, hint, options and
 * the answer to show.
 */
public record Question(String kind, String name, String label, String hint, List<Labels.Option> options, Object value, Integer words) {

    public static Question text(String name, String label, String hint, Object value) {
        return new Question("text", name, label, hint, List.of(), value, null);
    }

    public static Question number(String name, String label, String hint, Object value) {
        return new Question("number", name, label, hint, List.of(), value, null);
    }

    public static Question money(String name, String label, String hint, Object value) {
        return new Question("money", name, label, hint, List.of(), value, null);
    }

    public static Question longText(String name, String label, String hint, Object value, Integer words) {
        return new Question("textarea", name, label, hint, List.of(), value, words);
    }

    public static Question radios(String name, String label, String hint, List<Labels.Option> options, Object value) {
        return new Question("radios", name, label, hint, options, value, null);
    }

    public static Question checkboxes(String name, String label, String hint, List<Labels.Option> options, Object values) {
        return new Question("checkboxes", name, label, hint, options, values == null ? List.of() : values, null);
    }

    /** A GOV.UK date input; its value is the day, month and year as typed (any may be null). */
    public static Question date(String name, String label, String hint, List<String> dayMonthYear) {
        return new Question("date", name, label, hint, List.of(), dayMonthYear, null);
    }

    public static Question yesNo(String name, String label, String hint, Object value) {
        return new Question("yesNo", name, label, hint, List.of(), value, null);
    }
}
