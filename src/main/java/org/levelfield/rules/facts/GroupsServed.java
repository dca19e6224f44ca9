package org.levelfield.rules.facts;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two descriptions of a group served name the same group (SS-01): "Black and minoritised women", "BAME women
 * and girls" and "Black, Asian and minoritised women survivors" do; "Deaf people" and "Disabled people" do not. A
 * description is read as the protected characteristics its words name (with the side of a characteristic, so women and
 * men, older and young people differ) and the community words left over ("Somali", "Deaf", "Muslim"). Two groups match
 * when they name the same characteristics and the same community, or one community is a part of the other ("Somali
 * women" and "Somali and Sudanese women"). Words that say nothing about who is served ("people", "survivors",
 * "services") are ignored. This only reads the words; which group needs what is for the rules.
 */
public final class GroupsServed {

    private static final Map<String, String> CHARACTERISTIC_WORDS = Map.ofEntries(
            Map.entry("black", "RACE"), Map.entry("asian", "RACE"), Map.entry("minoritised", "RACE"), Map.entry("minoritized", "RACE"),
            Map.entry("minority", "RACE"), Map.entry("minorities", "RACE"), Map.entry("ethnic", "RACE"), Map.entry("bme", "RACE"),
            Map.entry("bame", "RACE"), Map.entry("bamer", "RACE"), Map.entry("racialised", "RACE"), Map.entry("racialized", "RACE"),
            Map.entry("women", "SEX:WOMEN"), Map.entry("woman", "SEX:WOMEN"), Map.entry("girls", "SEX:WOMEN"), Map.entry("female", "SEX:WOMEN"),
            Map.entry("men", "SEX:MEN"), Map.entry("man", "SEX:MEN"), Map.entry("boys", "SEX:MEN"), Map.entry("male", "SEX:MEN"),
            Map.entry("disabled", "DISABILITY"), Map.entry("disability", "DISABILITY"), Map.entry("disabilities", "DISABILITY"),
            Map.entry("lgbt", "SEXUAL_ORIENTATION"), Map.entry("lgbt+", "SEXUAL_ORIENTATION"), Map.entry("lgbtq", "SEXUAL_ORIENTATION"),
            Map.entry("lgbtq+", "SEXUAL_ORIENTATION"), Map.entry("lgbtqi", "SEXUAL_ORIENTATION"), Map.entry("lgbtqia+", "SEXUAL_ORIENTATION"),
            Map.entry("gay", "SEXUAL_ORIENTATION"), Map.entry("lesbian", "SEXUAL_ORIENTATION"), Map.entry("bisexual", "SEXUAL_ORIENTATION"),
            Map.entry("trans", "GENDER_REASSIGNMENT"), Map.entry("transgender", "GENDER_REASSIGNMENT"), Map.entry("binary", "GENDER_REASSIGNMENT"),
            Map.entry("older", "AGE:OLDER"), Map.entry("elderly", "AGE:OLDER"), Map.entry("young", "AGE:YOUNG"), Map.entry("youth", "AGE:YOUNG"),
            Map.entry("children", "AGE:YOUNG"), Map.entry("pregnant", "PREGNANCY_MATERNITY"), Map.entry("maternity", "PREGNANCY_MATERNITY"));

    /** Words that also name a characteristic but mark a community of their own (Deaf people are not all disabled people). */
    private static final Map<String, String> COMMUNITY_CHARACTERISTIC = Map.of(
            "deaf", "DISABILITY", "blind", "DISABILITY", "autistic", "DISABILITY",
            "muslim", "RELIGION_BELIEF", "jewish", "RELIGION_BELIEF", "sikh", "RELIGION_BELIEF", "hindu", "RELIGION_BELIEF", "christian", "RELIGION_BELIEF");

    private static final Set<String> SAY_NOTHING = Set.of("and", "or", "the", "of", "for", "with", "a", "an", "in", "who", "are", "from",
            "people", "persons", "person", "survivors", "survivor", "users", "user", "service", "services", "communities", "community",
            "groups", "group", "led", "by", "adults", "victims", "families", "residents", "local", "non", "specialist", "provision", "&");

    private GroupsServed() {
    }

    /** What a description names: its characteristics and its community words. */
    public record Reading(Set<String> characteristics, Set<String> community) {

        boolean isEmpty() {
            return characteristics.isEmpty() && community.isEmpty();
        }
    }

    public static Reading read(String group) {
        Set<String> characteristics = new TreeSet<>();
        Set<String> community = new TreeSet<>();
        if (group != null) {
            for (String word : group.toLowerCase(Locale.UK).replaceAll("[^\\p{L}\\p{N}+&]+", " ").strip().split(" ")) {
                if (word.isEmpty() || SAY_NOTHING.contains(word)) {
                    continue;
                }
                String characteristic = CHARACTERISTIC_WORDS.get(word);
                if (characteristic != null) {
                    characteristics.add(characteristic);
                } else {
                    if (COMMUNITY_CHARACTERISTIC.containsKey(word)) {
                        characteristics.add(COMMUNITY_CHARACTERISTIC.get(word));
                    }
                    community.add(word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word);
                }
            }
        }
        return new Reading(characteristics, community);
    }

    /** Whether the two descriptions name the same group. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.strip().equalsIgnoreCase(b.strip())) {
            return true;
        }
        Reading x = read(a);
        Reading y = read(b);
        if (x.isEmpty() || y.isEmpty() || !x.characteristics().equals(y.characteristics())) {
            return false;
        }
        if (x.community().equals(y.community())) {
            return true;
        }
        return !x.community().isEmpty() && !y.community().isEmpty()
                && (x.community().containsAll(y.community()) || y.community().containsAll(x.community()));
    }

    /**
     * Whether an EqIA entry for this characteristic (the catalogue's codes: RACE, SEX, DISABILITY, AGE, ...) is about the
     * group: the group names the characteristic.
     */
    public static boolean concerns(String group, String characteristic) {
        if (characteristic == null) {
            return false;
        }
        return read(group).characteristics().stream().anyMatch(c -> c.equals(characteristic) || c.startsWith(characteristic + ":"));
    }
}
