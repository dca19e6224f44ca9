package org.levelfield.round.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.database.Sql;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.CriterionKind;
import org.levelfield.round.model.Duty;
import org.levelfield.round.model.Eqia;
import org.levelfield.round.model.LotTerms;
import org.levelfield.round.model.RoundDetails;
import org.levelfield.round.model.SignOff;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Partner;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;

/** Rounds in PostgreSQL: the round, its partners and budget lines, lots and criteria, and status history. */
@Singleton
public class Rounds {

    private final Sql sql;
    private final org.levelfield.common.audit.AuditTrail audit;

    private final JsonColumns json;

    public Rounds(Sql sql, JsonColumns json, org.levelfield.common.audit.AuditTrail audit) {
        this.audit = audit;
        this.sql = sql;
        this.json = json;
    }

    private String write(Object value) {
        return json.write(value);
    }

    private <T> T read(String text, Class<T> type, T empty) {
        return text == null || text.equals("{}") ? empty : json.read(text, type);
    }

    public record StatusChange(RoundStatus from, RoundStatus to, Instant at, UUID by, String reason) {
    }

    public void insert(Round round) {
        sql.update("""
                insert into round(id, title, description, status, commencement_date, tender_deadline, created_by, created_at, details)
                values (?,?,?,?,?,?,?,?,cast(? as jsonb))""",
                round.id(), round.title(), round.description(), round.status().name(), round.commencementDate(),
                round.tenderDeadline(), round.createdBy(), round.createdAt(), write(round.details()));
        insertDesign(round);
    }

    /** Replaces a draft's design: its own fields, partners, budget lines, lots and criteria. */
    public void replaceDesign(Round round) {
        sql.update("update round set title = ?, description = ?, commencement_date = ?, tender_deadline = ?, details = cast(? as jsonb) where id = ? and status = 'DRAFT'",
                round.title(), round.description(), round.commencementDate(), round.tenderDeadline(), write(round.details()), round.id());
        sql.update("delete from eqia where round_id = ? and stage = 'DESIGN'", round.id());
        sql.update("delete from partner_sign_off where round_id = ?", round.id());
        sql.update("delete from criterion where lot_id in (select id from lot where round_id = ?)", round.id());
        sql.update("delete from lot where round_id = ?", round.id());
        sql.update("delete from budget_line where partner_id in (select id from round_partner where round_id = ?)", round.id());
        sql.update("delete from round_partner where round_id = ?", round.id());
        insertDesign(round);
    }

    private void insertDesign(Round round) {
        for (Partner partner : round.partners()) {
            sql.update("insert into round_partner(id, round_id, position, name, partner_type, is_lead) values (?,?,?,?,?,?)",
                    partner.id(), round.id(), partner.position(), partner.name(), partner.type(), partner.lead());
            for (Partner.BudgetLine line : partner.budgetLines()) {
                sql.update("insert into budget_line(id, partner_id, financial_year, amount_pence, purpose) values (?,?,?,?,?)",
                        line.id(), partner.id(), line.financialYear(), line.amountPence(), line.purpose());
            }
        }
        for (Lot lot : round.lots()) {
            sql.update("""
                    insert into lot(id, round_id, position, title, value_incl_vat_pence, term_months, min_turnover_pence,
                                    turnover_justification, eligibility_restriction, reservation_basis,
                                    requires_audited_accounts, insurance_timing, terms)
                    values (?,?,?,?,?,?,?,?,?,?,?,?,cast(? as jsonb))""",
                    lot.id(), round.id(), lot.position(), lot.title(), lot.valueInclVatPence(), lot.termMonths(),
                    lot.minTurnoverPence(), lot.turnoverJustification(), lot.eligibilityRestriction(), lot.reservationBasis(),
                    lot.requiresAuditedAccounts(), lot.insuranceTiming(), write(lot.terms()));
            for (Criterion c : lot.criteria()) {
                insertCriterion(lot.id(), c);
            }
        }
        if (round.eqia() != null) {
            Eqia e = round.eqia();
            sql.update("insert into eqia(id, round_id, stage, assessed_on, relevance, specialist_impact) values (?,?,?,?,?,?)",
                    e.id(), round.id(), e.stage(), e.assessedOn(), e.relevance(), e.specialistImpact());
            int position = 0;
            for (Eqia.Entry entry : e.entries()) {
                sql.update("""
                        insert into eqia_entry(id, eqia_id, position, characteristic, limb, evidence, impact, mitigation, data_gap,
                                               gap_action, not_applicable_reason, decision, disadvantage, different_needs, participation)
                        values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                        UUID.randomUUID(), e.id(), position++, entry.characteristic(), entry.limb(), entry.evidence(), entry.impact(),
                        entry.mitigation(), entry.dataGap(), entry.gapAction(), entry.notApplicableReason(), entry.decision(),
                        entry.disadvantage(), entry.differentNeeds(), entry.participation());
            }
        }
    }

    @Transactional
    /** The round a page's address names, or 404: an id that is not a UUID is simply not found. */
    public Round named(String id) {
        try {
            UUID roundId = UUID.fromString(id);
            return find(roundId).orElseThrow(() -> org.levelfield.common.web.ProblemException.notFound("round", id));
        } catch (IllegalArgumentException notAnId) {
            throw org.levelfield.common.web.ProblemException.notFound("round", id);
        }
    }

    public Optional<Round> find(UUID id) {
        List<Round> found = sql.query("select * from round where id = ?", this::roundRow, id);
        return found.stream().findFirst().map(this::withParts);
    }

    @Transactional
    public List<Round> all() {
        return sql.query("select * from round order by created_at desc, id", this::roundRow).stream().map(this::withParts).toList();
    }

    public boolean isEmpty() {
        return sql.query("select count(*) from round", rs -> rs.getLong(1)).getFirst() == 0;
    }

    /**
     * Moves a round from one status to another only if it is still in the first; returns false
     * when another request got there first. Records the change in the history.
     */
    public boolean transition(UUID roundId, RoundStatus from, RoundStatus to, Instant at, UUID by, String reason) {
        if (!from.canMoveTo(to)) {
            throw new IllegalStateException("The lifecycle does not allow " + from + " -> " + to);
        }
        String extra = switch (to) {
            case PUBLISHED -> ", published_at = ?";
            case CLOSED -> ", closed_at = ?";
            default -> "";
        };
        List<Object> args = new ArrayList<>(List.of(to.name()));
        if (!extra.isEmpty()) {
            args.add(at);
        }
        args.addAll(List.of(roundId, from.name()));
        int changed = sql.update("update round set status = ?" + extra + " where id = ? and status = ?", args.toArray());
        if (changed == 1) {
            recordChange(roundId, from, to, at, by, reason);
        }
        return changed == 1;
    }

    public void recordPublication(UUID roundId, String rulesetVersion, String thresholdsJson) {
        sql.update("update round set ruleset_version = ?, thresholds = cast(? as jsonb) where id = ?", rulesetVersion, thresholdsJson, roundId);
    }

    /** The thresholds the round was published under, if it has been published. */
    public Optional<org.levelfield.rules.facts.Thresholds> frozenThresholds(UUID roundId) {
        return thresholdsJson(roundId).map(text -> read(text, org.levelfield.rules.facts.Thresholds.class, null));
    }

    /** The thresholds the round was published under (JSON), if it has been published. */
    public Optional<String> thresholdsJson(UUID roundId) {
        return sql.query("select thresholds::text from round where id = ? and thresholds is not null", rs -> rs.getString(1), roundId)
                .stream().findFirst();
    }

    /** Closes every published round whose deadline has passed, in one statement; returns their ids. */
    /** Closes every published round whose deadline is at or before {@code deadlineBefore}, recording {@code now}. */
    public List<UUID> closeAllDue(Instant now, Instant deadlineBefore) {
        List<UUID> closed = sql.query("""
                update round set status = 'CLOSED', closed_at = ?
                 where status = 'PUBLISHED' and tender_deadline <= ?
                returning id""", rs -> rs.getObject(1, UUID.class), now, deadlineBefore);
        for (UUID id : closed) {
            recordChange(id, RoundStatus.PUBLISHED, RoundStatus.CLOSED, now, null, "Tender deadline passed; closed automatically");
        }
        return closed;
    }

    public List<StatusChange> history(UUID roundId) {
        return sql.query("select * from round_status_change where round_id = ? order by seq", rs -> new StatusChange(
                rs.getString("from_status") == null ? null : RoundStatus.valueOf(rs.getString("from_status")),
                RoundStatus.valueOf(rs.getString("to_status")),
                rs.getTimestamp("changed_at").toInstant(),
                rs.getObject("changed_by", UUID.class),
                rs.getString("reason")), roundId);
    }

    public void recordChange(UUID roundId, RoundStatus from, RoundStatus to, Instant at, UUID by, String reason) {
        sql.update("insert into round_status_change(id, round_id, from_status, to_status, changed_at, changed_by, reason) values (?,?,?,?,?,?,?)",
                UUID.randomUUID(), roundId, from == null ? null : from.name(), to.name(), at, by, reason);
        audit.append("STATE_CHANGE", roundId, by, "round " + roundId,
                java.util.Map.of("from", from == null ? "(new)" : from.name(), "to", to.name(), "reason", reason));
    }

    private Round roundRow(ResultSet rs) throws SQLException {
        return new Round(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                RoundStatus.valueOf(rs.getString("status")), rs.getObject("commencement_date", java.time.LocalDate.class),
                rs.getTimestamp("tender_deadline").toInstant(), rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(), Sql.instant(rs, "published_at"), Sql.instant(rs, "closed_at"),
                rs.getString("ruleset_version"), Sql.instant(rs, "design_approved_at"), rs.getString("cancelled_reason"),
                List.of(), List.of(), null, List.of(), read(rs.getString("details"), RoundDetails.class, RoundDetails.NONE));
    }

    private Round withParts(Round r) {
        Map<UUID, List<Partner.BudgetLine>> lines = new LinkedHashMap<>();
        sql.query("""
                select b.* , p.id as pid from budget_line b join round_partner p on p.id = b.partner_id
                 where p.round_id = ? order by p.position, b.financial_year, b.id""", rs -> {
            lines.computeIfAbsent(rs.getObject("pid", UUID.class), k -> new ArrayList<>()).add(new Partner.BudgetLine(
                    rs.getObject("id", UUID.class), rs.getString("financial_year"), rs.getLong("amount_pence"), rs.getString("purpose")));
            return null;
        }, r.id());
        List<Partner> partners = sql.query("select * from round_partner where round_id = ? order by position", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            return new Partner(id, rs.getInt("position"), rs.getString("name"), rs.getString("partner_type"),
                    rs.getBoolean("is_lead"), List.copyOf(lines.getOrDefault(id, List.of())));
        }, r.id());
        Map<UUID, List<Criterion>> criteria = new LinkedHashMap<>();
        sql.query("select c.* from criterion c join lot l on l.id = c.lot_id where l.round_id = ? and c.superseded_at is null order by c.position", rs -> {
            criteria.computeIfAbsent(rs.getObject("lot_id", UUID.class), k -> new ArrayList<>()).add(new Criterion(
                    rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("title"),
                    CriterionKind.valueOf(rs.getString("kind")),
                    rs.getString("duty") == null ? null : Duty.valueOf(rs.getString("duty")),
                    rs.getString("sub_weight") == null ? plain(rs.getBigDecimal("weight"))
                            : org.levelfield.rules.model.Fraction.parse(rs.getString("sub_weight")).orElseThrow().decimal(),
                    rs.getString("descriptors"), (Integer) rs.getObject("word_limit"), rs.getString("assesses"),
                    rs.getString("scoring_basis"), rs.getString("methodology"), (Integer) rs.getObject("min_score"),
                    rs.getObject("parent_id", UUID.class), rs.getString("sub_weight")));
            return null;
        }, r.id());
        List<Lot> lots = sql.query("select * from lot where round_id = ? order by position", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            return new Lot(id, rs.getInt("position"), rs.getString("title"), rs.getLong("value_incl_vat_pence"),
                    rs.getInt("term_months"), (Long) rs.getObject("min_turnover_pence"), rs.getString("turnover_justification"),
                    rs.getString("eligibility_restriction"), rs.getString("reservation_basis"),
                    rs.getBoolean("requires_audited_accounts"), rs.getString("insurance_timing"),
                    List.copyOf(criteria.getOrDefault(id, List.of())), read(rs.getString("terms"), LotTerms.class, LotTerms.NONE));
        }, r.id());
        List<SignOff> signOffs = sql.query("select * from partner_sign_off where round_id = ? order by signed_at, id", rs -> new SignOff(
                rs.getObject("partner_id", UUID.class), rs.getString("signatory"), rs.getString("signatory_role"),
                Sql.instant(rs, "signed_at")), r.id());
        return new Round(r.id(), r.title(), r.description(), r.status(), r.commencementDate(), r.tenderDeadline(),
                r.createdBy(), r.createdAt(), r.publishedAt(), r.closedAt(), r.rulesetVersion(), r.designApprovedAt(),
                r.cancelledReason(), partners, lots, eqia(r.id()), signOffs, r.details());
    }

    private Eqia eqia(UUID roundId) {
        return sql.one("select * from eqia where round_id = ? and stage = 'DESIGN'", rs -> new Eqia(rs.getObject("id", UUID.class),
                rs.getString("stage"), rs.getObject("assessed_on", java.time.LocalDate.class), rs.getString("relevance"),
                rs.getString("specialist_impact"), List.of()), roundId).map(e -> new Eqia(e.id(), e.stage(), e.assessedOn(),
                e.relevance(), e.specialistImpact(), sql.query("select * from eqia_entry where eqia_id = ? order by position",
                rs -> new Eqia.Entry(rs.getString("characteristic"), rs.getString("limb"), rs.getString("evidence"),
                        rs.getString("impact"), rs.getString("mitigation"), rs.getString("data_gap"), rs.getString("gap_action"),
                        rs.getString("not_applicable_reason"), rs.getString("decision"), rs.getString("disadvantage"),
                        rs.getString("different_needs"), rs.getString("participation")), e.id()))).orElse(null);
    }

    public void insertCriterion(UUID lotId, Criterion c) {
        sql.update("""
                insert into criterion(id, lot_id, position, title, kind, duty, weight, descriptors, word_limit, assesses, scoring_basis,
                                      methodology, min_score, parent_id, sub_weight)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", c.id(), lotId, c.position(), c.title(), c.kind().name(),
                c.duty() == null ? null : c.duty().name(), c.weight().setScale(3, java.math.RoundingMode.HALF_UP), c.descriptors(),
                c.wordLimit(), c.assesses(), c.scoringBasis(), c.methodology(), c.minScore(), c.parentId(), c.subWeight());
    }

    /** Marks a lot's current criteria as superseded by an amendment; they stay for the record. */
    public void supersedeCriteria(UUID lotId, Instant at) {
        sql.update("update criterion set superseded_at = ? where lot_id = ? and superseded_at is null", at, lotId);
    }

    public void changeDeadline(UUID roundId, Instant deadline) {
        sql.update("update round set tender_deadline = ? where id = ?", deadline, roundId);
    }

    /** 30.000 as 30 and 45.500 as 45.5, never 3E+1. */
    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public void recordSignOff(UUID roundId, UUID partnerId, String signatory, String role, Instant at, UUID by) {
        sql.update("delete from partner_sign_off where round_id = ? and partner_id = ?", roundId, partnerId);
        sql.update("insert into partner_sign_off(id, round_id, partner_id, signatory, signatory_role, signed_at, recorded_by) values (?,?,?,?,?,?,?)",
                UUID.randomUUID(), roundId, partnerId, signatory, role, at, by);
        audit.append("PARTNER_SIGN_OFF", roundId, by, "partner " + partnerId, java.util.Map.of("signatory", signatory, "role", role));
    }

    public void recordDesignApproval(UUID roundId, Instant at, UUID by) {
        sql.update("update round set design_approved_at = ?, design_approved_by = ? where id = ?", at, by, roundId);
    }

    public void clearDesignApproval(UUID roundId) {
        sql.update("update round set design_approved_at = null, design_approved_by = null where id = ?", roundId);
    }

    public void recordCancellation(UUID roundId, String reason) {
        sql.update("update round set cancelled_reason = ? where id = ?", reason, roundId);
    }
}
