package org.levelfield.bidder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two runs of the eligibility rules for one organisation and lot: each
 * rule whose outcome changed (with the new message and its source), and each input that changed
 * (the figures the rules read). Plain comparison; no rules, no database.
 */
public final class EligibilityChanges {

    public record OutcomeChange(String ruleId, String ruleName, String before, String after, String message, String citation) {
    }

    public record InputChange(String field, Object before, Object after) {
    }

    public record Changes(String comparedWith, List<OutcomeChange> outcomes, List<InputChange> inputs) {
        public boolean any() {
            return !outcomes.isEmpty();
        }

        /** One paragraph a bidder or commissioner can read. */
        public String summary() {
            if (outcomes.isEmpty()) {
                return "No eligibility result changed since the " + comparedWith + ".";
            }
            StringBuilder s = new StringBuilder("Since the ").append(comparedWith).append(": ");
            for (OutcomeChange o : outcomes) {
                s.append(o.ruleId()).append(' ').append(o.before()).append(" → ").append(o.after()).append(" (").append(o.message())
                        .append(" [").append(o.citation()).append("]); ");
            }
            if (!inputs.isEmpty()) {
                s.append("because ");
                inputs.forEach(i -> s.append(i.field()).append(" changed from ").append(i.before()).append(" to ").append(i.after()).append("; "));
            }
            return s.toString().strip();
        }
    }

    private EligibilityChanges() {
    }

    public static Changes between(String comparedWith, List<CheckingEligibility.Result> before, List<CheckingEligibility.Result> after,
                                  Map<String, Object> inputsBefore, Map<String, Object> inputsAfter) {
        List<OutcomeChange> outcomes = new ArrayList<>();
        TreeSet<String> rules = new TreeSet<>();
        before.forEach(r -> rules.add(r.ruleId()));
        after.forEach(r -> rules.add(r.ruleId()));
        for (String rule : rules) {
            var was = worst(before, rule);
            var now = worst(after, rule);
            String wasOutcome = was == null ? "NOT_RAISED" : was.outcome().name();
            String nowOutcome = now == null ? "NOT_RAISED" : now.outcome().name();
            if (!wasOutcome.equals(nowOutcome)) {
                var shown = now != null ? now : was;
                outcomes.add(new OutcomeChange(rule, shown.ruleName(), wasOutcome, nowOutcome,
                        now != null ? now.message() : "no longer raised; it said: " + was.message(), shown.citation()));
            }
        }
        List<InputChange> inputs = new ArrayList<>();
        TreeSet<String> fields = new TreeSet<>(inputsBefore.keySet());
        fields.addAll(inputsAfter.keySet());
        for (String field : fields) {
            // Compared as text: a figure read back from storage may be an Integer where a fresh one is a Long.
            if (!Objects.equals(String.valueOf(inputsBefore.get(field)), String.valueOf(inputsAfter.get(field)))) {
                inputs.add(new InputChange(field, inputsBefore.get(field), inputsAfter.get(field)));
            }
        }
        return new Changes(comparedWith, outcomes, inputs);
    }

    /** A rule can raise more than one result; the worst one stands for it. */
    private static CheckingEligibility.Result worst(List<CheckingEligibility.Result> results, String rule) {
        CheckingEligibility.Result worst = null;
        for (var r : results) {
            if (r.ruleId().equals(rule) && (worst == null || rank(r.outcome()) > rank(worst.outcome()))) {
                worst = r;
            }
        }
        return worst;
    }

    private static int rank(CheckingEligibility.Outcome o) {
        return switch (o) {
            case PASSES -> 0;
            case NEEDS_ATTENTION -> 1;
            case FAILS -> 2;
        };
    }
}
