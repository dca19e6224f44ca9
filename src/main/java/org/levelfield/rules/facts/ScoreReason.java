package org.levelfield.rules.facts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An evaluator's reason for a score, beside the criterion's published scoring descriptors. Read by
 * SC-02: a reason must cite the tender (a section, page, paragraph…) and not merely restate the
 * descriptor.
 */
public record ScoreReason(String tenderId, String bidder, String criterionId, String criterion, String evaluator, int score,
                          String reason, String descriptors) implements AboutTender {

    private static final Pattern CITES_TENDER = Pattern.compile(
            "(?i)\\b(section|sections|page|pages|para|paragraph|paragraphs|appendix|annex|question|part|table|figure)\\s*[0-9ivx]+|§\\s*\\d|\\bp\\.?\\s*\\d");

    /** Whether the reason points at specific content in the tender. */
    public boolean getCitesTender() {
        return reason != null && CITES_TENDER.matcher(reason).find();
    }

    /** The share (0 to 100) of the reason's words that also appear in the descriptors. */
    public int getDescriptorOverlapPercent() {
        Set<String> words = words(reason);
        if (words.isEmpty()) {
            return 0;
        }
        Set<String> descriptor = words(descriptors);
        long shared = words.stream().filter(descriptor::contains).count();
        return (int) (shared * 100 / words.size());
    }

    private static Set<String> words(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> w.length() >= 3).collect(Collectors.toSet());
    }

    @Override
    public String subjectLabel() {
        return evaluator + "'s reason on '" + criterion + "' for the tender from " + bidder;
    }
}
