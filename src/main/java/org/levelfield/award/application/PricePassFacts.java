package org.levelfield.award.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.evaluation.AbnormallyLowTenders;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.LotTerms;
import org.levelfield.round.model.Round;
import org.levelfield.rules.facts.scoring.PriceCheck;
import org.levelfield.rules.facts.Thresholds;
import org.levelfield.tender.model.Tender;

/**
 * The facts of the award's price pass (SC-06 ceiling and VAT basis, SC-08 abnormally low prices),
 * built after the gateways and eligibility: each tender's price beside the mean of the lot's other
 * compliant tenders (those still in the award and not disregarded), the pre-tender estimate, the
 * published ceiling and VAT basis, and where its abnormally-low process stands.
 */
@Singleton
class PricePassFacts {

    private final AbnormallyLowTenders abnormallyLow;

    PricePassFacts(AbnormallyLowTenders abnormallyLow) {
        this.abnormallyLow = abnormallyLow;
    }

    List<Object> of(Round round, List<Tender> submitted, Set<UUID> outOfAward, String regime, Thresholds thresholds) {
        List<Object> facts = new ArrayList<>();
        facts.add(thresholds);
        var processes = abnormallyLow.ofRound(round.id());
        java.util.function.Predicate<Tender> compared = o -> !outOfAward.contains(o.id()) && !disregarded(processes.get(o.id()));
        Map<UUID, long[]> sumAndCount = new HashMap<>();
        submitted.stream().filter(compared).forEach(o -> {
            long[] lot = sumAndCount.computeIfAbsent(o.lotId(), k -> new long[2]);
            lot[0] += o.pricePence();
            lot[1]++;
        });
        for (Tender t : submitted) {
            Lot lot = round.lot(t.lotId()).orElseThrow();
            long[] all = sumAndCount.getOrDefault(lot.id(), new long[2]);
            boolean self = compared.test(t);
            long count = all[1] - (self ? 1 : 0);
            Long meanOfOthers = count == 0 ? null : (all[0] - (self ? t.pricePence() : 0)) / count;
            facts.add(check(lot, t, meanOfOthers, processes.get(t.id()), regime));
        }
        return facts;
    }

    private static boolean disregarded(AbnormallyLowTenders.Process p) {
        return p != null && "DISREGARDED".equals(p.decision());
    }

    /** @param mean the mean price of the lot's other tenders still compared (in, and not disregarded), or null if none */
    private static PriceCheck check(Lot lot, Tender t, Long mean, AbnormallyLowTenders.Process process, String regime) {
        LotTerms terms = lot.terms() == null ? LotTerms.NONE : lot.terms();
        String vatBasis = t.details().vatBasis();
        return new PriceCheck(t.id().toString(), t.organisationName(), lot.title(), t.pricePence(), mean, terms.preTenderEstimatePence(),
                process != null, process != null && process.response() != null, process == null ? null : process.decision(),
                process == null ? null : process.decisionReason(), process != null && Boolean.TRUE.equals(process.breachOfObligations()),
                regime, vatBasis, terms.priceVatBasis(), terms.comparesWith(vatBasis), terms.priceCeilingPence(),
                Boolean.TRUE.equals(terms.priceCeilingDisqualifying()));
    }
}
