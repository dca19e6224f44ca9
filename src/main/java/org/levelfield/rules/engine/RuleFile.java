package org.levelfield.rules.engine;

import java.util.List;

import org.levelfield.rules.model.Stage;

/**
 * One {@code .drl} file of the ruleset.
 *
 * @param path     path relative to the rules folder, with forward slashes ("round-design/RD-09-…drl")
 * @param ruleId   the catalogue id the file is named after ("RD-09")
 * @param ruleNames the names of the rules it declares
 */
public record RuleFile(String path, Stage stage, String ruleId, String sha256, List<String> ruleNames, String text) {
}
