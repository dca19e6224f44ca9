package org.levelfield.round.web;

import java.time.Instant;
import java.util.List;

import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * A round's life as the commissioner's home page shows it: the lifecycle table ({@link RoundStatus#next()})
 * read as steps that are done, in progress or cannot start yet, and the next thing to do in words.
 */
final class RoundSteps {

    private RoundSteps() {
    }

    static final String DONE = "DONE";
    static final String NOW = "NOW";
    static final String LATER = "LATER";

    /** How far along the lifecycle a status is; moderation sits with evaluation, a cancelled round stops where it was. */
    private static int reach(RoundStatus status) {
        return switch (status) {
            case DRAFT -> 0;
            case DESIGN_APPROVED -> 1;
            case PUBLISHED -> 2;
            case CLOSED, EVALUATION, MODERATION -> 3;
            case AWARD_PROPOSED -> 4;
            case STANDSTILL -> 5;
            case AWARDED -> 6;
            case CANCELLED -> -1;
        };
    }

    static List<ManageRoundPages.Step> of(Round round, Instant now) {
        String base = "/manage/rounds/" + round.id();
        int at = reach(round.status());
        return List.of(
                step("design", "Design the round and check it", "Partners, lots, criteria, the equality impact assessment and the round's details, "
                        + "checked by the round-design rules", 0, at, base + "/design-check"),
                step("approve", "Partners sign off; approve the design", "Every partner signs off the design, then the commissioner approves it",
                        0, at, base + "/design-check#sign-offs"),
                step("publish", "Publish the round", "Publication needs no blocking finding and every warning justified by a named officer",
                        1, at, base + "/design-check#publish"),
                step("tenders", "Receive tenders until the deadline", "Tenders stay sealed until " + org.levelfield.common.web.pages.Dates.dateTime(round.tenderDeadline()),
                        2, at, null),
                step("evaluate", "Appoint panels, declare conflicts and score", "Panels can be appointed once the round is published; after the deadline "
                        + "each lot's panel declares any conflict with each bidder, then scores every tender", 2, at, base + "/panel"),
                step("award", "Compute the award and decide each lot", "Due regard recorded, partners sign off the award, each lot decided, "
                        + "summaries sent, the award notice published", 4, at, base + "/award"),
                step("contract", "Standstill, then the contract", "The contract is entered into once the standstill period has ended", 5, at, null));
    }

    /** A step is in progress at its own reach, done beyond it; the design steps share reach 0 and 1. */
    private static ManageRoundPages.Step step(String id, String title, String hint, int startsAt, int at, String href) {
        int endsAfter = switch (id) {
            case "design" -> 0;
            case "approve" -> 0;
            case "publish" -> 1;
            case "evaluate" -> 3;
            default -> startsAt;
        };
        String state = at < 0 ? LATER : at > endsAfter ? DONE : at >= startsAt ? NOW : LATER;
        return new ManageRoundPages.Step(id, title, hint, state, state.equals(LATER) ? null : href);
    }

    /** What to do next, in words, or why nothing can be done. */
    static String next(Round round, Instant now) {
        return switch (round.status()) {
            case DRAFT -> "Check the design, answer its findings, and get every partner's sign-off; then approve the design.";
            case DESIGN_APPROVED -> "Justify any warning that stands, then publish the round.";
            case PUBLISHED -> round.isPastDeadline(now) ? "The deadline has passed: the round closes to tenders and the panels can start."
                    : "Tenders can be sent until the deadline. Answer clarification questions and reasonable adjustment requests meanwhile.";
            case CLOSED, EVALUATION -> "Appoint each lot's panel; evaluators declare their conflicts and score every tender. Then compute the award.";
            case MODERATION -> "Record a consensus score, with its reason, for each score the panel spread too far on.";
            case AWARD_PROPOSED -> "Record due regard, get the partners' sign-off of the award, decide each lot, send the assessment summaries and publish the award notice.";
            case STANDSTILL -> "Wait for the standstill period to end, then record the contract entered into.";
            case AWARDED -> "Nothing: the contract has been awarded.";
            case CANCELLED -> "Nothing: the round was cancelled.";
        };
    }

    /** A status in the words of the home page's history. */
    static String label(RoundStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case DESIGN_APPROVED -> "Design approved";
            case PUBLISHED -> "Open for tenders";
            case CLOSED -> "Closed to tenders";
            case EVALUATION -> "Evaluation";
            case MODERATION -> "Moderation";
            case AWARD_PROPOSED -> "Award proposed";
            case STANDSTILL -> "Standstill";
            case AWARDED -> "Awarded";
            case CANCELLED -> "Cancelled";
        };
    }
}
