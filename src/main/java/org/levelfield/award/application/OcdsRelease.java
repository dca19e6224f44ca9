package org.levelfield.award.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.award.model.AwardCalculation;
import org.levelfield.bidder.OrganisationProfile;
import org.levelfield.bidder.OrganisationProfiles;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Partner;
import org.levelfield.round.model.Round;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * The award as an Open Contracting Data Standard 1.1.5 release, with the UK extension's fields where
 * they apply: suppliers' SME and VCSE status, the reasons for not dividing into lots, the standstill
 * period (once the award notice date is known), and bid statistics per lot. Money is in pounds,
 * GBP; dates are ISO 8601.
 */
@Singleton
public class OcdsRelease {

    static final String PREFIX = "ocds-lvlfld-";

    private final ComputingAward awards;
    private final Rounds rounds;
    private final Tenders tenders;
    private final OrganisationProfiles profiles;

    private final AwardDecisions decisions;
    private final NotifyingAward notifying;

    public OcdsRelease(ComputingAward awards, Rounds rounds, Tenders tenders, OrganisationProfiles profiles, AwardDecisions decisions,
                       NotifyingAward notifying) {
        this.decisions = decisions;
        this.notifying = notifying;
        this.awards = awards;
        this.rounds = rounds;
        this.tenders = tenders;
        this.profiles = profiles;
    }

    public Map<String, Object> release(UUID roundId) {
        Round round = rounds.find(roundId).orElseThrow(() -> org.levelfield.common.web.ProblemException.notFound("round", roundId));
        AwardResult award = awards.latest(roundId);
        List<Tender> live = tenders.ofRound(roundId);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ocid", PREFIX + roundId);
        r.put("id", roundId + "-award-" + award.computedAt().toEpochMilli());
        r.put("date", award.computedAt().toString());
        r.put("tag", List.of("award"));
        r.put("initiationType", "tender");
        r.put("language", "en");

        List<Map<String, Object>> parties = new ArrayList<>();
        Partner lead = round.partners().stream().filter(Partner::lead).findFirst().orElse(round.partners().getFirst());
        for (Partner p : round.partners()) {
            parties.add(party("partner-" + p.id(), p.name(), p.lead() ? List.of("buyer", "funder") : List.of("funder"), null));
        }
        Map<UUID, OrganisationProfile> bidders = new LinkedHashMap<>();
        live.forEach(t -> bidders.computeIfAbsent(t.organisationId(), id -> profiles.find(id).orElseThrow()));
        List<UUID> winners = award.lots().stream().map(AwardCalculation.LotResult::provisionalWinner).filter(java.util.Objects::nonNull)
                .map(w -> live.stream().filter(t -> t.id().equals(w)).findFirst().orElseThrow().organisationId()).toList();
        bidders.forEach((id, profile) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("scale", profile.qualifiesAsSme() ? "sme" : "large");
            details.put("vcse", profile.qualifiesAsVcse());
            parties.add(party("org-" + id, profile.name(), winners.contains(id) ? List.of("tenderer", "supplier") : List.of("tenderer"), details));
        });
        r.put("parties", parties);
        r.put("buyer", Map.of("id", "partner-" + lead.id(), "name", lead.name()));

        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", roundId.toString());
        tender.put("title", round.title());
        if (round.description() != null) {
            tender.put("description", round.description());
        }
        tender.put("status", "active");
        tender.put("value", money(round.lots().stream().mapToLong(Lot::valueInclVatPence).sum()));
        tender.put("mainProcurementCategory", "services");
        tender.put("awardCriteria", "ratedCriteria");
        tender.put("tenderPeriod", Map.of("endDate", round.tenderDeadline().toString()));
        tender.put("numberOfTenderers", bidders.size());
        tender.put("lots", round.lots().stream().map(l -> Map.of("id", l.id().toString(), "title", l.title(), "value", money(l.valueInclVatPence()))).toList());
        if (round.lots().size() == 1 && round.details() != null && round.details().lotsReason() != null) {
            tender.put("lotDetails", Map.of("noLotsDivisionRationale", round.details().lotsReason()));
        }
        r.put("tender", tender);

        var notice = notifying.notice(roundId);
        var sentOn = notifying.sent(roundId).stream().map(NotifyingAward.SentSummary::sentAt).max(java.util.Comparator.naturalOrder());
        List<Map<String, Object>> awardList = new ArrayList<>();
        List<Map<String, Object>> statistics = new ArrayList<>();
        for (AwardCalculation.LotResult lot : award.lots()) {
            List<Tender> lotTenders = live.stream().filter(t -> t.lotId().equals(lot.lotId())).toList();
            statistics.add(statistic(lot.lotId() + "-bids", "finalStageBids", lotTenders.size(), lot.lotId()));
            statistics.add(statistic(lot.lotId() + "-sme", "smeFinalStageBids",
                    lotTenders.stream().filter(t -> bidders.get(t.organisationId()).qualifiesAsSme()).count(), lot.lotId()));
            statistics.add(statistic(lot.lotId() + "-vcse", "vcseFinalStageBids",
                    lotTenders.stream().filter(t -> bidders.get(t.organisationId()).qualifiesAsVcse()).count(), lot.lotId()));
            if (lot.provisionalWinner() == null) {
                continue;
            }
            Tender winner = lotTenders.stream().filter(t -> t.id().equals(lot.provisionalWinner())).findFirst().orElseThrow();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", lot.lotId() + "-" + winner.id());
            var decision = decisions.ofLot(lot.lotId());
            a.put("title", (decision.isPresent() ? "Award: " : "Provisional award: ") + lot.lot());
            a.put("status", decision.isPresent() && notice.isPresent() ? "active" : "pending");
            a.put("date", decision.map(d -> startOf(d.decidedOn())).orElse(award.computedAt().toString()));
            sentOn.ifPresent(at -> a.put("assessmentSummariesDateSent", at.toString()));
            notice.filter(n -> n.lastDay() != null).ifPresent(n -> a.put("standstillPeriod",
                    Map.of("startDate", startOf(n.publishedOn()), "endDate", endOf(n.lastDay()))));
            a.put("value", money(winner.pricePence()));
            a.put("suppliers", List.of(Map.of("id", "org-" + winner.organisationId(), "name", winner.organisationName())));
            a.put("relatedLots", List.of(lot.lotId().toString()));
            awardList.add(a);
        }
        r.put("awards", awardList);
        notice.filter(n -> n.contractSignedOn() != null).ifPresent(n -> {
            r.put("tag", List.of("award", "contract"));
            r.put("contracts", awardList.stream().map(a -> Map.of("id", a.get("id") + "-contract", "awardID", a.get("id"),
                    "title", "Contract: " + a.get("title").toString().replace("Award: ", ""), "status", "active",
                    "dateSigned", startOf(n.contractSignedOn()))).toList());
        });
        r.put("bids", Map.of("statistics", statistics));
        return r;
    }

    private static final java.time.format.DateTimeFormatter RFC3339 = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static String startOf(java.time.LocalDate day) {
        return RFC3339.format(day.atStartOfDay(org.levelfield.common.time.ClockFactory.LONDON));
    }

    private static String endOf(java.time.LocalDate day) {
        return RFC3339.format(day.atTime(23, 59, 59).atZone(org.levelfield.common.time.ClockFactory.LONDON));
    }

    private static Map<String, Object> party(String id, String name, List<String> roles, Map<String, Object> details) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("roles", roles);
        if (details != null) {
            p.put("details", details);
        }
        return p;
    }

    private static Map<String, Object> statistic(String id, String measure, long value, UUID lot) {
        return Map.of("id", id, "measure", measure, "value", value, "relatedLot", lot.toString());
    }

    private static Map<String, Object> money(long pence) {
        return Map.of("amount", BigDecimal.valueOf(pence).movePointLeft(2), "currency", "GBP");
    }
}
