package org.levelfield.support

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.node.ObjectNode
import com.networknt.schema.JsonSchemaFactory
import com.networknt.schema.SpecVersion

import java.nio.file.Files
import java.nio.file.Path

/**
 * The OCDS 1.1.5 release schema with the UK extension merged in (a JSON merge patch), and the
 * codelists, read from ../shared/data.
 */
class OcdsSchemas {

    static final Path DATA = Path.of("..", "shared", "data")
    static final ObjectMapper JSON = new ObjectMapper()

    /** Validation messages for a release; empty when it is valid. */
    static List<String> validate(Object release) {
        JsonNode schema = JSON.readTree(DATA.resolve("ocds-1.1.5/release-schema.json").toFile())
        merge(schema as ObjectNode, JSON.readTree(DATA.resolve("ocds-uk-extension/release-schema.json").toFile()))
        javaPatterns(schema)
        def validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema)
        validator.validate(JSON.valueToTree(release)).collect { it.message }
    }

    /**
     * The schema's patterns are ECMA-262 regular expressions, where "[" inside a character class is a
     * literal; Java reads it as a nested class. Escape it so each pattern means the same to Java.
     */
    static void javaPatterns(JsonNode node) {
        if (node.isObject()) {
            def object = node as ObjectNode
            if (object.get("pattern")?.isTextual()) {
                object.put("pattern", ecmaToJava(object.get("pattern").asText()))
            }
            object.fields().each { javaPatterns(it.value) }
        } else if (node.isArray()) {
            node.each { javaPatterns(it) }
        }
    }

    static String ecmaToJava(String pattern) {
        StringBuilder out = new StringBuilder()
        boolean inClass = false
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i)
            if (c == (char) '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(++i))
            } else if (c == (char) '[' && inClass) {
                out.append("\\[")
            } else {
                if (c == (char) '[') inClass = true
                else if (c == (char) ']' && inClass) inClass = false
                out.append(c)
            }
        }
        out.toString()
    }

    /** RFC 7386 merge patch: objects merge, null removes, anything else replaces. */
    static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().each { entry ->
            if (entry.value.isNull()) {
                target.remove(entry.key)
            } else if (entry.value.isObject() && target.get(entry.key)?.isObject()) {
                merge(target.get(entry.key) as ObjectNode, entry.value)
            } else {
                target.set(entry.key, entry.value)
            }
        }
    }

    /** The codes of a codelist: the core list, plus the UK extension's additions ("+name.csv"). */
    static Set<String> codes(String name) {
        Set<String> out = [] as Set
        [DATA.resolve("ocds-1.1.5/codelists/${name}.csv"), DATA.resolve("ocds-uk-extension/codelists/+${name}.csv")].each { file ->
            if (Files.exists(file)) {
                def lines = Files.readAllLines(file)
                int column = lines.first().split(",").toList().indexOf("Code")
                lines.drop(1).each { line -> if (line.trim()) out << line.split(",")[column].trim() }
            }
        }
        assert out: "no codelist $name in $DATA"
        out
    }
}
