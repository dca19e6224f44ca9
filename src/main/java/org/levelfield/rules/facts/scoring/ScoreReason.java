package org.levelfield.rules.facts.scoring;

import org.levelfield.rules.facts.AboutTender;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An evaluator's reason for a score, beside the criterion's published scoring descriptors. Read by
 * SC-02: a reason must cite the tender (a section, page, paragraph…) and not merely restate the
 * descriptor. {@code evaluatorId} names who gave it, for the reason SC-02 derives when it must be rewritten.
 */
public record ScoreReason(String tenderId, String bidder, String criterionId, String criterion, String evaluator, int score,
                          String reason, String descriptors, String evaluatorId) implements AboutTender {

    /**
     * A pointer into the tender in any of the ordinary forms: "section 4.2", "page 12", "pp. 3-4", "para 3",
     * "Appendix C", "Annex B para 3", "Schedule 2", "§4.2", "Q3", "table 1", "figure 2".
     */
    private static final Pattern CITES_TENDER = Pattern.compile(
            "(?i)\\b(sections?|pages?|pp?|paras?|paragraphs?|appendix|appendices|annex(es)?|schedules?|questions?|parts?|tables?|figures?|"
                    + "chapters?|clauses?)\\.?\\s*(\\d+|[ivx]+\\b|[a-z]\\b)|§\\s*\\d|\\bq\\s*\\d");

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
