package org.levelfield.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.access.UserAccount;
import org.levelfield.access.UserAccounts;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.tender.model.Tender;

/**
 * Evaluation panels and conflicts of interest. A commissioner appoints evaluators per lot. Once
 * tenders are in, each evaluator declares, for every bidder in the round, a conflict or none,
 * before opening any tender. A conflicted evaluator cannot see or score that bidder's tender; a
 * conflict declared after scoring quarantines the evaluator's scores for it (SC-04). Each lot needs
 * at least the minimum number of unconflicted evaluators for every tender.
 */
@Singleton
public class Panels implements org.levelfield.tender.application.TenderOpening {

    public record Appointment(UUID lotId, UUID evaluatorId, String evaluator, Instant appointedAt) {
    }

    public record Declaration(UUID organisationId, String organisation, boolean conflicted, String nature, Instant declaredAt) {
    }

    public record DeclarationCommand(UUID organisationId, Boolean conflicted, String nature) {
    }

    public record Declaring(List<DeclarationCommand> declarations) {
    }

    /** A lot's panel as the commissioner and scrutiny see it: who sits, who has declared, and whether enough are free to score each tender. */
    public record LotPanel(UUID lotId, String lot, int minimum, List<Appointment> members, List<TenderCover> tenders, boolean enough) {
    }

    public record TenderCover(UUID tenderId, String bidder, int unconflicted, List<String> conflicted, List<String> undeclared) {
    }

    public record DeclarationOutcome(List<Declaration> declarations, int scoresQuarantined) {
    }

    private final Sql sql;
    private final org.levelfield.common.audit.AuditTrail audit;
    private final Rounds rounds;
    private final UserAccounts accounts;
    private final Clock clock;
    private final org.levelfield.rules.engine.ThresholdsConfiguration configured;

    public Panels(Sql sql, Rounds rounds, UserAccounts accounts, Clock clock,
                  org.levelfield.rules.engine.ThresholdsConfiguration configured, org.levelfield.common.audit.AuditTrail audit) {
        this.audit = audit;
        this.sql = sql;
        this.rounds = rounds;
        this.accounts = accounts;
        this.clock = clock;
        this.configured = configured;
    }

    /** The fewest evaluators free of conflict each tender of the round needs: as frozen with the round at publication. */
    public int minimum(Round round) {
        return rounds.frozenThresholds(round.id()).orElse(configured.current()).minPanelSize();
    }

    /** Appoints evaluators to a lot (those already on it stay). */
    @Transactional
    public List<Appointment> appoint(UUID roundId, UUID lotId, List<UUID> evaluatorIds, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Lot lot = round.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot in round '" + round.title() + "'", lotId));
        if (!Set.of(RoundStatus.PUBLISHED, RoundStatus.CLOSED, RoundStatus.EVALUATION, RoundStatus.MODERATION).contains(round.status())) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + "; panels are appointed once it is published and until the award is computed.", round.status().name(),
                    round.status().allowedActions());
        }
        List<FieldError> errors = new ArrayList<>();
        List<UUID> given = evaluatorIds == null ? List.of() : evaluatorIds;
        if (given.isEmpty()) {
            errors.add(new FieldError("evaluatorIds", "name at least one evaluator account"));
        }
        for (int i = 0; i < given.size(); i++) {
            UUID id = given.get(i);
            var user = id == null ? null : accounts.findById(id).orElse(null);
            if (user == null || user.role() != Role.EVALUATOR) {
                errors.add(new FieldError("evaluatorIds[" + i + "]", "no evaluator account " + id));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        Instant now = clock.instant();
        for (UUID id : given.stream().distinct().toList()) {
            sql.update("""
                    insert into panel_member(id, round_id, lot_id, evaluator_id, appointed_at, appointed_by)
                    select ?, ?, ?, ?, ?, ? where not exists
                      (select 1 from panel_member where lot_id = ? and evaluator_id = ? and removed_at is null)""",
                    UUID.randomUUID(), roundId, lot.id(), id, now, actor.userId(), lot.id(), id);
            audit.append("PANEL_APPOINTMENT", roundId, actor.userId(), "lot " + lot.id(), java.util.Map.of("evaluator", id));
        }
        return members(lotId);
    }

    public record Removal(UUID lotId, UUID evaluatorId, String evaluator, String reason, int scoresSetAside, boolean awardToComputeAgain) {
    }

    /**
     * Takes an evaluator off a lot's panel, with the reason (a conflict found late, illness, leaving the
     * council). The appointment is kept with the removal on it; the evaluator's scores in the lot are set
     * aside (kept, never counted), and an award computed on them must be computed again, so it cannot be
     * decided. Someone else can then be appointed in their place.
     */
    @Transactional
    public Removal remove(UUID roundId, UUID lotId, UUID evaluatorId, String reason, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Lot lot = round.lot(lotId).orElseThrow(() -> ProblemException.notFound("lot in round '" + round.title() + "'", lotId));
        boolean decided = anyLotDecided(roundId);
        if (!Set.of(RoundStatus.PUBLISHED, RoundStatus.CLOSED, RoundStatus.EVALUATION, RoundStatus.MODERATION, RoundStatus.AWARD_PROPOSED)
                .contains(round.status()) || decided) {
            throw ProblemException.wrongState("Round '" + round.title() + "' is " + round.status()
                    + (decided ? " and a lot has been decided" : "")
                    + "; a panel member can be removed once the round is published and until a lot is decided.", round.status().name(),
                    round.status().allowedActions());
        }
        Appointment member = members(lotId).stream().filter(m -> m.evaluatorId().equals(evaluatorId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("member of the panel for lot '" + lot.title() + "'", evaluatorId));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ProblemException.badInput("reason", "say why " + member.evaluator() + " is leaving the panel, for the record");
        }
        if (why.length() > 2000) {
            throw ProblemException.badInput("reason", "has more than 2000 characters");
        }
        Instant now = clock.instant();
        sql.update("update panel_member set removed_at = ?, removed_by = ?, removal_reason = ? where lot_id = ? and evaluator_id = ? and removed_at is null",
                now, actor.userId(), why, lotId, evaluatorId);
        int setAside = sql.update("""
                update score set quarantined_at = ?, quarantine_reason = ?
                where evaluator_id = ? and quarantined_at is null and tender_id in (select id from tender where lot_id = ?)""",
                now, "Removed from the panel for lot '" + lot.title() + "' on " + now + ": " + why, evaluatorId, lotId);
        audit.append("PANEL_REMOVAL", roundId, actor.userId(), "lot " + lotId,
                java.util.Map.of("evaluator", evaluatorId, "reason", why, "scoresSetAside", setAside));
        boolean stale = round.status() == RoundStatus.AWARD_PROPOSED;
        if (stale) {
            rounds.transition(roundId, RoundStatus.AWARD_PROPOSED, RoundStatus.EVALUATION, now, actor.userId(),
                    member.evaluator() + " was removed from the panel for lot '" + lot.title() + "'; the award must be computed again without their scores.");
        }
        return new Removal(lotId, evaluatorId, member.evaluator(), why, setAside, stale);
    }

    public record Evaluator(UUID id, String name) {
    }

    /** Every active evaluator account, by name: whom a commissioner can appoint. */
    public List<Evaluator> evaluators() {
        return sql.query("select id, display_name from app_user where role = 'EVALUATOR' and status = 'ACTIVE' order by display_name, id",
                rs -> new Evaluator(rs.getObject(1, UUID.class), rs.getString(2)));
    }

    /** The rounds an evaluator sits on a panel of now, newest deadline first. */
    public List<UUID> roundsOf(UUID evaluatorId) {
        return sql.query("""
                select p.round_id from panel_member p join round r on r.id = p.round_id where p.evaluator_id = ? and p.removed_at is null
                group by p.round_id, r.tender_deadline order by r.tender_deadline desc""", rs -> rs.getObject(1, UUID.class), evaluatorId);
    }

    public List<Appointment> members(UUID lotId) {
        return sql.query("""
                select p.lot_id, p.evaluator_id, u.display_name, p.appointed_at from panel_member p join app_user u on u.id = p.evaluator_id
                where p.lot_id = ? and p.removed_at is null order by p.appointed_at, u.display_name""",
                rs -> new Appointment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), Sql.instant(rs, "appointed_at")),
                lotId);
    }

    public boolean sitsOn(UUID lotId, UUID evaluatorId) {
        return !sql.query("select 1 from panel_member where lot_id = ? and evaluator_id = ? and removed_at is null", rs -> 1,
                lotId, evaluatorId).isEmpty();
    }

    /** The bidders an evaluator must declare about: every organisation with a live tender in the round. */
    public Map<UUID, String> bidders(UUID roundId) {
        Map<UUID, String> out = new LinkedHashMap<>();
        sql.query("""
                select distinct o.id, o.name from tender t join organisation o on o.id = t.organisation_id
                where t.round_id = ? and t.status = 'SUBMITTED' order by o.name""", rs -> {
            out.put(rs.getObject(1, UUID.class), rs.getString(2));
            return null;
        }, roundId);
        return out;
    }

    /** The evaluator's current declarations for a round, one per bidder (the latest counts). */
    public Map<UUID, Declaration> declarations(UUID roundId, UUID evaluatorId) {
        Map<UUID, Declaration> out = new LinkedHashMap<>();
        sql.query("""
                select distinct on (d.organisation_id) d.*, o.name from conflict_declaration d join organisation o on o.id = d.organisation_id
                where d.round_id = ? and d.evaluator_id = ? order by d.organisation_id, d.seq desc""", rs -> {
            out.put(rs.getObject("organisation_id", UUID.class), new Declaration(rs.getObject("organisation_id", UUID.class), rs.getString("name"),
                    rs.getBoolean("conflicted"), rs.getString("nature"), Sql.instant(rs, "declared_at")));
            return null;
        }, roundId, evaluatorId);
        return out;
    }

    /** Every declaration ever made for the round, oldest first: the conflicts log. */
    public List<Map<String, Object>> log(UUID roundId) {
        return sql.query("""
                select d.declared_at, u.display_name, o.name, d.conflicted, d.nature from conflict_declaration d
                join app_user u on u.id = d.evaluator_id join organisation o on o.id = d.organisation_id
                where d.round_id = ? order by d.seq""", rs -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("declaredAt", Sql.instant(rs, "declared_at"));
            row.put("evaluator", rs.getString(2));
            row.put("bidder", rs.getString(3));
            row.put("conflicted", rs.getBoolean(4));
            row.put("nature", rs.getString(5));
            return row;
        }, roundId);
    }

    /**
     * An evaluator on any of the round's panels declares, per bidder, a conflict (with its nature)
     * or none. A conflict newly declared against a bidder the evaluator has already scored
     * quarantines those scores.
     */
    @Transactional
    public DeclarationOutcome declare(UUID roundId, Declaring command, Actor actor) {
        Round round = rounds.find(roundId).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Instant now = clock.instant();
        if (!round.isPastDeadline(now) || !round.status().isInEvaluation() && round.status() != RoundStatus.PUBLISHED) {
            throw ProblemException.wrongState("Conflicts are declared once tenders are in: after the deadline " + round.tenderDeadline()
                    + " and before the award (round is " + round.status() + ").", round.status().name(), round.status().allowedActions());
        }
        boolean onAPanel = round.lots().stream().anyMatch(l -> sitsOn(l.id(), actor.userId()));
        if (!onAPanel) {
            throw ProblemException.forbidden("You are not on an evaluation panel for round '" + round.title() + "'.");
        }
        Map<UUID, String> bidders = bidders(roundId);
        List<FieldError> errors = new ArrayList<>();
        List<DeclarationCommand> given = command == null || command.declarations() == null ? List.of() : command.declarations();
        if (given.isEmpty()) {
            errors.add(new FieldError("declarations", "declare for each bidder: " + bidders.values()));
        }
        for (int i = 0; i < given.size(); i++) {
            var d = given.get(i);
            String at = "declarations[" + i + "]";
            if (d == null || d.organisationId() == null || !bidders.containsKey(d.organisationId())) {
                errors.add(new FieldError(at + ".organisationId", "not a bidder in this round; the bidders are " + bidders));
                continue;
            }
            if (d.conflicted() == null) {
                errors.add(new FieldError(at + ".conflicted", "say true (with the nature of the conflict) or false"));
            } else if (d.conflicted() && (d.nature() == null || d.nature().isBlank())) {
                errors.add(new FieldError(at + ".nature", "describe the conflict: the relationship and when it began"));
            }
            if (d.nature() != null && d.nature().length() > 2000) {
                errors.add(new FieldError(at + ".nature", "has more than 2000 characters"));
            }
        }
        Map<UUID, Declaration> before = declarations(roundId, actor.userId());
        Set<UUID> covered = given.stream().filter(d -> d != null && d.organisationId() != null).map(DeclarationCommand::organisationId)
                .collect(Collectors.toSet());
        List<String> missing = bidders.entrySet().stream().filter(e -> !covered.contains(e.getKey()) && !before.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("declarations", "every bidder needs a declaration; missing: " + missing));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        int quarantined = 0;
        for (DeclarationCommand d : given) {
            sql.update("insert into conflict_declaration(id, round_id, evaluator_id, organisation_id, conflicted, nature, declared_at) values (?,?,?,?,?,?,?)",
                    UUID.randomUUID(), roundId, actor.userId(), d.organisationId(), d.conflicted(),
                    d.nature() == null || d.nature().isBlank() ? null : d.nature().strip(), now);
            audit.append("CONFLICT_DECLARATION", roundId, actor.userId(), "bidder " + d.organisationId(),
                    java.util.Map.of("conflicted", d.conflicted(), "nature", d.nature() == null ? "" : d.nature().strip()));
            if (d.conflicted()) {
                // SC-04: an evaluator with an interest in any bidder in a lot must not score that lot at all.
                quarantined += sql.update("""
                        update score set quarantined_at = ?, quarantine_reason = ?
                        where evaluator_id = ? and quarantined_at is null
                          and tender_id in (select id from tender where lot_id in
                                (select lot_id from tender where round_id = ? and organisation_id = ? and status = 'SUBMITTED'))""",
                        now, "SC-04: conflict with " + bidders.get(d.organisationId()) + " declared " + now + ": " + d.nature().strip(),
                        actor.userId(), roundId, d.organisationId());
            }
        }
        if (given.stream().anyMatch(DeclarationCommand::conflicted) && round.status() == RoundStatus.AWARD_PROPOSED && !anyLotDecided(roundId)) {
            // The computed award rests on scores a conflicted evaluator gave: it is stale until computed again without them,
            // and a replacement evaluator can be appointed and score in the meantime.
            rounds.transition(roundId, RoundStatus.AWARD_PROPOSED, RoundStatus.EVALUATION, now, actor.userId(),
                    "A conflict of interest was declared after the award was computed; the award must be computed again (SC-04).");
        }
        return new DeclarationOutcome(List.copyOf(declarations(roundId, actor.userId()).values()), quarantined);
    }

    private boolean anyLotDecided(UUID roundId) {
        return sql.one("select count(*) from award_decision where round_id = ?", rs -> rs.getLong(1), roundId).orElse(0L) > 0;
    }

    /** The organisations with a live tender for the lot. */
    private List<UUID> lotBidders(UUID lotId) {
        return sql.query("select distinct organisation_id from tender where lot_id = ? and status = 'SUBMITTED'", rs -> rs.getObject(1, UUID.class), lotId);
    }

    /** Whether an evaluator is kept off this tender: a conflict with its bidder, or with any bidder in its lot (SC-04). */
    public boolean keptOff(UUID roundId, Tender tender, UUID evaluatorId) {
        Map<UUID, Declaration> declared = declarations(roundId, evaluatorId);
        Declaration own = declared.get(tender.organisationId());
        return own != null && own.conflicted() || lotConflict(declared, lotBidders(tender.lotId())).isPresent();
    }

    /**
     * The conflict that keeps an evaluator off a whole lot (SC-04): a conflict declared with any bidder
     * in it, or none.
     */
    public java.util.Optional<Declaration> lotConflict(Map<UUID, Declaration> declared, List<UUID> bidders) {
        return bidders.stream().map(declared::get).filter(d -> d != null && d.conflicted()).findFirst();
    }

    /**
     * Whether this person may open and score this tender: on the lot's panel, declared for every
     * bidder, and not conflicted with this one. Throws a problem saying which step is missing.
     */
    @Override
    public void requireMayOpen(Round round, Tender tender, Actor actor) {
        if (!actor.is(Role.EVALUATOR)) {
            return;
        }
        if (!sitsOn(tender.lotId(), actor.userId())) {
            throw ProblemException.forbidden("You are not on the evaluation panel for this tender's lot; the commissioner appoints panels.");
        }
        Map<UUID, Declaration> declared = declarations(round.id(), actor.userId());
        List<String> undeclared = bidders(round.id()).entrySet().stream().filter(e -> !declared.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        if (!undeclared.isEmpty()) {
            throw ProblemException.forbidden("Declare any conflict of interest for every bidder before opening a tender "
                    + "(POST /api/rounds/" + round.id() + "/conflicts); not yet declared: " + undeclared);
        }
        Declaration mine = declared.get(tender.organisationId());
        if (mine != null && mine.conflicted()) {
            throw ProblemException.forbidden("You declared a conflict with this bidder (" + mine.nature() + "); you cannot see or score its tender.");
        }
        var inLot = lotConflict(declared, lotBidders(tender.lotId()));
        if (inLot.isPresent()) {
            throw ProblemException.forbidden("You declared a conflict with " + inLot.get().organisation() + " (" + inLot.get().nature()
                    + "), which bids for this lot: an evaluator with an interest in any bidder in a lot does not score that lot (SC-04).");
        }
    }

    @Override
    public boolean mayOpen(Round round, Tender tender, Actor actor) {
        try {
            requireMayOpen(round, tender, actor);
            return true;
        } catch (ProblemException no) {
            return false;
        }
    }

    /** Each lot's panel and whether enough unconflicted evaluators remain for every tender. */
    public List<LotPanel> status(Round round, List<Tender> live) {
        List<LotPanel> out = new ArrayList<>();
        int minimum = minimum(round);
        Map<UUID, Map<UUID, Declaration>> byEvaluator = new HashMap<>();
        for (Lot lot : round.lots()) {
            List<Appointment> members = members(lot.id());
            List<TenderCover> covers = new ArrayList<>();
            List<Tender> lotTenders = live.stream().filter(t -> t.lotId().equals(lot.id())).toList();
            List<UUID> inLot = lotTenders.stream().map(Tender::organisationId).distinct().toList();
            Map<UUID, Boolean> offTheLot = new HashMap<>();
            for (Appointment m : members) {
                var declared = byEvaluator.computeIfAbsent(m.evaluatorId(), e -> declarations(round.id(), e));
                offTheLot.put(m.evaluatorId(), lotConflict(declared, inLot).isPresent());
            }
            for (Tender t : lotTenders) {
                int free = 0;
                List<String> conflicted = new ArrayList<>();
                List<String> undeclared = new ArrayList<>();
                for (Appointment m : members) {
                    var declared = byEvaluator.get(m.evaluatorId());
                    var d = declared.get(t.organisationId());
                    if (d == null) {
                        undeclared.add(m.evaluator());
                    } else if (d.conflicted() || offTheLot.get(m.evaluatorId())) {
                        conflicted.add(m.evaluator());
                    } else {
                        free++;
                    }
                }
                covers.add(new TenderCover(t.id(), t.organisationName(), free, conflicted, undeclared));
            }
            boolean enough = members.size() >= minimum && covers.stream().allMatch(c -> c.unconflicted() + c.undeclared().size() >= minimum);
            out.add(new LotPanel(lot.id(), lot.title(), minimum, members, covers, enough));
        }
        return out;
    }

    public UserAccount account(UUID id) {
        return accounts.findById(id).orElseThrow();
    }
}
