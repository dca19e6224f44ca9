package org.levelfield.transparency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.award.application.NotifyingAward;
import org.levelfield.award.application.OcdsRelease;
import org.levelfield.award.report.AwardReport;
import org.levelfield.award.report.AwardReports;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/**
 * What anyone may read about an award without signing in, once its contract award notice is published (the round is
 * in standstill or awarded): the notice, the lots and winners, how many bids came from SMEs and VCSEs, the equality
 * analysis the decision-maker considered, the public version of the award justification and the OCDS release. The
 * content is the public version of the award report: losing prices, evaluators' names, the conflicts log's names,
 * the eligibility re-check and officers' abnormally-low questions are left out, as in the public PDF.
 */
@Singleton
public class PublicAwards {

    /** A round as the public list shows it. */
    public record Listed(UUID id, String title, String partners, String status, LocalDate noticePublishedOn, String winners) {
    }

    /** One lot's bids as OCDS counts them (finalStageBids, smeFinalStageBids, vcseFinalStageBids). */
    public record Bids(String lot, long bids, long fromSmes, long fromVcses) {
    }

    /** A published award: the notice, the public report, the bid counts and the public document if one was issued. */
    public record Published(Round round, NotifyingAward.AwardNotice notice, AwardReport report, List<Bids> bids,
                            Optional<IssuedDocuments.Document> justification) {
    }

    private final Rounds rounds;
    private final NotifyingAward notifying;
    private final AwardReports reports;
    private final OcdsRelease ocds;
    private final IssuedDocuments documents;
    private final Clock clock;

    public PublicAwards(Rounds rounds, NotifyingAward notifying, AwardReports reports, OcdsRelease ocds, IssuedDocuments documents, Clock clock) {
        this.rounds = rounds;
        this.notifying = notifying;
        this.reports = reports;
        this.ocds = ocds;
        this.documents = documents;
        this.clock = clock;
    }

    /** Rounds whose award notice is published, the latest notice first. */
    public List<Listed> list() {
        List<Listed> listed = new ArrayList<>();
        for (Round round : rounds.all()) {
            if (!isPublic(round)) {
                continue;
            }
            notifying.notice(round.id()).ifPresent(notice -> listed.add(new Listed(round.id(), round.title(),
                    String.join(", ", round.partners().stream().map(org.levelfield.round.model.Partner::name).toList()),
                    round.status().name(), notice.publishedOn(), winners(reports.build(round.id(), true)))));
        }
        listed.sort(Comparator.comparing(Listed::noticePublishedOn).reversed().thenComparing(Listed::title));
        return listed;
    }

    /** A published award, or empty when the round is unknown, not yet awarded or its notice not yet published. */
    public Optional<Published> find(UUID roundId) {
        return rounds.find(roundId).filter(PublicAwards::isPublic).flatMap(round -> notifying.notice(roundId).map(notice ->
                new Published(round, notice, reports.build(roundId, true), bids(roundId, round),
                        documents.latest(roundId, "AWARD_JUSTIFICATION_PUBLIC"))));
    }

    /** The OCDS release of a published award. */
    public Optional<Map<String, Object>> release(UUID roundId) {
        return rounds.find(roundId).filter(PublicAwards::isPublic).filter(r -> notifying.notice(roundId).isPresent())
                .map(r -> ocds.release(roundId));
    }

    /** Every published award's OCDS release, as an OCDS 1.1 release package. */
    public Map<String, Object> releasePackage(String uri) {
        List<Map<String, Object>> releases = new ArrayList<>();
        for (Listed listed : list()) {
            release(listed.id()).ifPresent(releases::add);
        }
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("uri", uri);
        pack.put("version", "1.1");
        pack.put("publishedDate", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
                .format(clock.instant().atOffset(java.time.ZoneOffset.UTC)));
        pack.put("publisher", Map.of("name", "Levelfield"));
        pack.put("releases", releases);
        return pack;
    }

    private List<Bids> bids(UUID roundId, Round round) {
        Map<String, Object> release = ocds.release(roundId);
        List<Bids> bids = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statistics = (List<Map<String, Object>>) ((Map<String, Object>) release.get("bids")).get("statistics");
        for (var lot : round.lots()) {
            bids.add(new Bids(lot.title(), count(statistics, lot.id(), "finalStageBids"), count(statistics, lot.id(), "smeFinalStageBids"),
                    count(statistics, lot.id(), "vcseFinalStageBids")));
        }
        return bids;
    }

    private static long count(List<Map<String, Object>> statistics, UUID lotId, String measure) {
        return statistics.stream().filter(s -> measure.equals(s.get("measure")) && lotId.toString().equals(String.valueOf(s.get("relatedLot"))))
                .mapToLong(s -> ((Number) s.get("value")).longValue()).sum();
    }

    private static String winners(AwardReport report) {
        List<String> names = report.decision() == null ? List.of()
                : report.decision().lotDecisions().stream().map(d -> d.lot() + ": " + d.winner()).toList();
        return names.isEmpty() ? "No lot decided" : String.join("; ", names);
    }

    static boolean isPublic(Round round) {
        return round.status() == RoundStatus.STANDSTILL || round.status() == RoundStatus.AWARDED;
    }
}
