package org.levelfield.tender.application;

import java.util.List;
import java.util.UUID;

/** What a bidder submits: a price in pence and an answer per published criterion. */
public record TenderCommand(Long pricePence, List<AnswerCommand> answers) {

    public record AnswerCommand(UUID criterionId, String answer) {
    }
}
