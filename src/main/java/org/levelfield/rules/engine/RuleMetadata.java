package org.levelfield.rules.engine;

import java.util.List;
import java.util.Map;

/** Reads a rule's {@code @key("value")} attributes. */
final class RuleMetadata {

    static final List<String> REQUIRED = List.of("id", "severity", "force", "citation");

    private RuleMetadata() {
    }

    static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }
}
