package org.levelfield.tender.model;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * Blind evaluation: when a round asks for it, evaluators see each tender as "Tender A", "Tender
 * B"… (by order of receipt within its lot) instead of its bidder, until moderation ends and the
 * award is computed. Conflict declarations still name bidders: an evaluator must know whom they
 * declare about, but cannot tell which tender is whose.
 */
public final class Blinding {

    private static final Set<RoundStatus> WHILE_SCORING = Set.of(RoundStatus.CLOSED, RoundStatus.EVALUATION);

    private Blinding() {
    }

    public static boolean applies(Round round, Actor actor) {
        return actor.is(Role.EVALUATOR) && round.details() != null && round.details().blindEvaluationOn()
                && WHILE_SCORING.contains(round.status());
    }

    /** "Tender A" for the first tender received in the lot, "Tender B" for the second, and so on. */
    public static String label(Tender tender, List<Tender> live) {
        List<Tender> lot = live.stream().filter(t -> t.lotId().equals(tender.lotId()))
                .sorted(Comparator.comparing(Tender::submittedAt).thenComparing(t -> t.id().toString())).toList();
        int index = 0;
        for (int i = 0; i < lot.size(); i++) {
            if (lot.get(i).id().equals(tender.id())) {
                index = i;
            }
        }
        return "Tender " + letters(index);
    }

    private static String letters(int index) {
        String out = "";
        int n = index;
        do {
            out = (char) ('A' + n % 26) + out;
            n = n / 26 - 1;
        } while (n >= 0);
        return out;
    }
}
