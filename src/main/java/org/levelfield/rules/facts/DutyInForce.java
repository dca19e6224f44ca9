package org.levelfield.rules.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Derived by REG-01: an equality duty in force on the decision date, with the characteristics it
 * covers and the needs (limbs) it asks the authority to have due regard to.
 */
public record DutyInForce(String roundId, String duty, String legislation, List<String> characteristics, List<String> limbs) {

    /** "RACE:ELIMINATE_DISCRIMINATION" for every characteristic and limb of the duty. */
    public List<String> requiredKeys() {
        List<String> keys = new ArrayList<>();
        for (String characteristic : characteristics) {
            for (String limb : limbs) {
                keys.add(characteristic + ":" + limb);
            }
        }
        return keys;
    }

    /** The characteristic-and-limb pairs of this duty that the given entries do not cover. */
    public List<String> missingFrom(List<?> coveredKeys) {
        return requiredKeys().stream().filter(k -> !coveredKeys.contains(k)).toList();
    }

    /** Pairs in words: "race: promote equality and good relations". */
    public static String describe(List<String> keys) {
        return String.join("; ", keys.stream().map(k -> {
            String[] parts = k.split(":");
            return Format.words(parts[0]) + ": " + Format.words(parts[1]);
        }).toList());
    }
}
