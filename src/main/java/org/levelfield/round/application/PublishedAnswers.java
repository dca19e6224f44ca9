package org.levelfield.round.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The clarification questions answered for all bidders of a round, as its page lists them. The
 * clarification feature keeps them; the round's page only reads them.
 */
public interface PublishedAnswers {

    record Answered(int number, String question, String answer, Instant answeredAt) {
    }

    List<Answered> answeredFor(UUID roundId);
}
