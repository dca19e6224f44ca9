package org.levelfield.rules.facts.scoring;

import java.util.List;

/** The criteria published for a tender's lot, by id. Read by SC-12 beside each score. */
public record PublishedCriteria(String tenderId, String lot, List<String> criterionIds) {

    public PublishedCriteria {
        criterionIds = criterionIds == null ? List.of() : List.copyOf(criterionIds);
    }
}
