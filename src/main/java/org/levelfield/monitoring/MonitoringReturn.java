package org.levelfield.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Monitoring (identity) data about a bidding organisation: who it is led by and who it serves, by
 * protected characteristic, and the profile flags (women-led, by-and-for, …). Kept apart from the
 * profile; never shown to evaluators; never read by an eligibility or scoring rule (catalogue
 * SEL-11, RD-13); used only in aggregate with groups under 5 suppressed.
 *
 * @param consentToPublish whether the organisation agrees to these answers counting in published aggregates
 */
public record MonitoringReturn(UUID organisationId, List<IdentityAnswer> identityAnswers, List<String> profileFlags,
                               Boolean consentToPublish, Instant updatedAt) {

    public static final List<String> ABOUT = List.of("LED_BY", "SERVES");
    public static final List<String> REPLIES = List.of("YES", "NO", "PREFER_NOT_TO_SAY");
    public static final List<String> PROFILE_FLAGS = List.of("WOMEN_LED", "BME_LED", "DISABLED_PEOPLES_ORGANISATION", "BY_AND_FOR",
            "USER_LED", "LGBT_LED");

    /**
     * One question and its reply: is the organisation led by (or does it mainly serve) people
     * sharing this characteristic?
     *
     * @param about          LED_BY or SERVES
     * @param characteristic a protected characteristic (Equality Act 2010 s4)
     * @param asked          whether the question was put to the organisation
     * @param reply          YES, NO or PREFER_NOT_TO_SAY; empty when not asked
     * @param group          which group, in the organisation's own words, when the reply is YES
     */
    public record IdentityAnswer(String about, String characteristic, Boolean asked, String reply, String group) {
    }
}
