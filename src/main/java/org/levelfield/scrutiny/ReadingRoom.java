package org.levelfield.scrutiny;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.Sql;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.round.application.PublishingRound;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Partner;
import org.levelfield.round.model.Round;
import org.levelfield.rules.infrastructure.RuleRuns;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Severity;
import org.levelfield.rules.model.Stage;

/**
 * The scrutiny panel's reading room: every round with where it stands and what the rules found, and each round's
 * story told from the audit trail, with the chain verified. Reads only; nothing here changes a round.
 */
@Singleton
public class ReadingRoom {

    /** A round as the list shows it: its stage, partners, value and the count of each kind of finding. */
    public record Listed(UUID id, String title, String status, List<String> partners, long pooledTotalPence,
                         long blocks, long fails, long warnings, long justifiedWarnings, long flags) {
    }

    /** One step of a round's story: when, who, what happened and about what. */
    public record Step(long seq, Instant at, String who, String kind, String subject, String hash) {
    }

    /** A round's story: its steps in order, the chain's verification, and every document it issued. */
    public record Story(Round round, List<Step> steps, AuditTrail.Verification verification, List<IssuedDocuments.Issued> documents) {
    }

    private final Rounds rounds;
    private final RuleRuns runs;
    private final PublishingRound publishing;
    private final AuditTrail audit;
    private final IssuedDocuments documents;
    private final Sql sql;
    private final java.time.Clock clock;
    private final org.levelfield.rules.engine.Rulesets rulesets;
    private final org.levelfield.award.report.AwardReports reports;

    public ReadingRoom(Rounds rounds, RuleRuns runs, PublishingRound publishing, AuditTrail audit, IssuedDocuments documents, Sql sql,
                       java.time.Clock clock, org.levelfield.rules.engine.Rulesets rulesets, org.levelfield.award.report.AwardReports reports) {
        this.clock = clock;
        this.rulesets = rulesets;
        this.reports = reports;
        this.rounds = rounds;
        this.runs = runs;
        this.publishing = publishing;
        this.audit = audit;
        this.documents = documents;
        this.sql = sql;
    }

    /**
     * Every round, newest first, narrowed to a stage (a round status) and to a partner (any part of its name, in any
     * case) when they are given.
     */
    public List<Listed> rounds(String stage, String partner) {
        List<Listed> listed = new ArrayList<>();
        for (Round round : rounds.all()) {
            if (stage != null && !round.status().name().equals(stage)) {
                continue;
            }
            if (partner != null && round.partners().stream().noneMatch(p -> p.name().toLowerCase(Locale.UK).contains(partner.toLowerCase(Locale.UK)))) {
                continue;
            }
            listed.add(listed(round));
        }
        return listed;
    }

    /** Every partner named in any round, in order, for the filter. */
    public List<String> partnerNames() {
        return rounds.all().stream().flatMap(r -> r.partners().stream()).map(Partner::name).distinct().sorted().toList();
    }

    private Listed listed(Round round) {
        List<Finding> design = runs.latest(round.id(), Stage.ROUND_DESIGN);
        List<Finding> all = new ArrayList<>(design);
        all.addAll(runs.latest(round.id(), Stage.SCORING));
        all.addAll(runs.latest(round.id(), Stage.AWARD));
        long justified = publishing.judged(round, design).stream().filter(f -> f.severity() == Severity.WARN && f.justification() != null).count();
        return new Listed(round.id(), round.title(), round.status().name(), round.partners().stream().map(Partner::name).toList(),
                round.pooledTotalPence(), count(all, Severity.BLOCK), count(all, Severity.FAIL), count(all, Severity.WARN), justified,
                count(all, Severity.FLAG));
    }

    /** A round's story from the audit trail (tenders stay sealed until the deadline, as everywhere), or empty if unknown. */
    public Optional<Story> story(UUID roundId) {
        return rounds.find(roundId).map(round -> {
            List<AuditTrail.Entry> entries = audit.ofRound(roundId);
            Map<UUID, String> names = names(entries.stream().map(AuditTrail.Entry::actorId).filter(java.util.Objects::nonNull).distinct().toList());
            Map<String, String> things = things(round);
            List<Step> steps = entries.stream().sorted(Comparator.comparingLong(AuditTrail.Entry::seq))
                    .map(e -> new Step(e.seq(), e.recordedAt(), e.actorId() == null ? "Levelfield" : names.getOrDefault(e.actorId(), "an account since removed"),
                            e.kind(), named(e.subject(), things), e.hash())).toList();
            return new Story(round, steps, audit.verify(), documents.ofRound(roundId));
        });
    }

    /** One rule of a round's frozen ruleset as a reader needs it: the file, its text and each rule's severity, force and citation. */
    public record RuleText(String path, String ruleId, String text, List<RuleMeta> rules) {
    }

    public record RuleMeta(String name, String severity, String force, String citation) {
    }

    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern.compile(
            "(?s)rule\\s+\"([^\"]+)\"\\s*(.*?)\\bwhen\\b");
    private static final java.util.regex.Pattern META = java.util.regex.Pattern.compile("@(severity|force|citation)\\(\"([^\"]*)\"\\)");

    /**
     * The files of a rule id in the ruleset the round was published under (the rules that applied to it), each with its
     * text and the severity, legal force and citation every rule in it declares; empty if the round or the rule is unknown.
     */
    public List<RuleText> rule(Round round, String ruleId) {
        var ruleset = round.rulesetVersion() == null ? rulesets.current() : rulesets.forVersion(round.rulesetVersion());
        List<RuleText> found = new ArrayList<>();
        for (var file : ruleset.files()) {
            if (!file.ruleId().equals(ruleId)) {
                continue;
            }
            List<RuleMeta> metas = new ArrayList<>();
            var rule = RULE.matcher(file.text());
            while (rule.find()) {
                Map<String, String> meta = new HashMap<>();
                var m = META.matcher(rule.group(2));
                while (m.find()) {
                    meta.put(m.group(1), m.group(2));
                }
                metas.add(new RuleMeta(rule.group(1), meta.get("severity"), meta.get("force"), meta.get("citation")));
            }
            found.add(new RuleText("rules/" + file.path(), file.ruleId(), file.text(), metas));
        }
        return found;
    }

    /** The full award report of a round, or empty if its award has not been computed. */
    public Optional<org.levelfield.award.report.AwardReport> award(UUID roundId) {
        try {
            return Optional.of(reports.build(roundId));
        } catch (org.levelfield.common.web.ProblemException notComputed) {
            return Optional.empty();
        }
    }

    /** The latest full award justification issued for the round, if any. */
    public Optional<IssuedDocuments.Document> justification(UUID roundId) {
        return documents.latest(roundId, "AWARD_JUSTIFICATION");
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
            "\\b(round|lot|partner|tender|bidder|criterion|organisation) ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b");

    /**
     * What the ids in an entry's subject stand for: the round, its lots, partners and criteria and, once the deadline has
     * passed (before it no entry about a tender is shown), its tenders and bidders by organisation name.
     */
    private Map<String, String> things(Round round) {
        Map<String, String> things = new HashMap<>();
        things.put(round.id().toString(), "the round");
        round.partners().forEach(p -> things.put(p.id().toString(), "partner " + p.name()));
        round.lots().forEach(l -> {
            things.put(l.id().toString(), "lot '" + l.title() + "'");
            l.criteria().forEach(c -> things.put(c.id().toString(), "criterion '" + c.title() + "' of lot '" + l.title() + "'"));
        });
        if (round.isPastDeadline(clock.instant()) && !(round.status() == org.levelfield.round.model.RoundStatus.CANCELLED && round.closedAt() == null)) {
            sql.query("select t.id, o.id, o.name from tender t join organisation o on o.id = t.organisation_id where t.round_id = ?", rs -> {
                things.put(rs.getObject(1, UUID.class).toString(), "the tender from " + rs.getString(3));
                things.put(rs.getObject(2, UUID.class).toString(), rs.getString(3));
                return null;
            }, round.id());
        }
        return things;
    }

    /** An entry's subject with each id it names replaced by what the id stands for, where that is known. */
    static String named(String subject, Map<String, String> things) {
        if (subject == null) {
            return "";
        }
        return ID.matcher(subject).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(things.getOrDefault(m.group(2), m.group())));
    }

    private Map<UUID, String> names(List<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            sql.query("select id, display_name from app_user where id = any(?)", rs -> names.put(rs.getObject(1, UUID.class), rs.getString(2)),
                    (Object) ids.toArray(new UUID[0]));
        }
        return names;
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
