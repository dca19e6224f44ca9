package org.levelfield.tender.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.levelfield.common.database.Sql;
import org.levelfield.tender.model.Tender;

/** Tenders and their answers in PostgreSQL. */
@Singleton
public class Tenders {

    private static final String SELECT = """
            select t.*, o.name as organisation_name from tender t join organisation o on o.id = t.organisation_id""";

    private final Sql sql;

    public Tenders(Sql sql) {
        this.sql = sql;
    }

    public void insert(Tender t) {
        sql.update("""
                insert into tender(id, round_id, lot_id, organisation_id, status, price_pence, submitted_at, submitted_by, content_sha256)
                values (?,?,?,?,?,?,?,?,?)""", t.id(), t.roundId(), t.lotId(), t.organisationId(), t.status(), t.pricePence(),
                t.submittedAt(), t.submittedBy(), t.contentSha256());
        for (Tender.Answer a : t.answers()) {
            sql.update("insert into tender_answer(tender_id, criterion_id, answer) values (?,?,?)", t.id(), a.criterionId(), a.text());
        }
    }

    public Optional<Tender> find(UUID id) {
        return withAnswers(sql.query(SELECT + " where t.id = ?", Tenders::row, id)).stream().findFirst();
    }

    public List<Tender> ofRound(UUID roundId) {
        return withAnswers(sql.query(SELECT + " where t.round_id = ? and t.status = 'SUBMITTED' order by t.submitted_at, t.id", Tenders::row, roundId));
    }

    /** Marks a live tender as replaced by a revision, or withdrawn; false if it was no longer live. */
    public boolean retire(UUID tenderId, String status, UUID supersededBy) {
        return sql.update("update tender set status = ?, superseded_by = ? where id = ? and status = 'SUBMITTED'",
                status, supersededBy, tenderId) == 1;
    }

    public void linkSuccessor(UUID tenderId, UUID successor) {
        sql.update("update tender set superseded_by = ? where id = ?", successor, tenderId);
    }

    /**
     * A live tender for the lot from another organisation record with the same registration number:
     * the same organisation bidding twice under different names.
     */
    public Optional<Tender> liveTenderBySameRegistration(UUID lotId, UUID organisationId) {
        return sql.one(SELECT + """
                 \swhere t.lot_id = ? and t.status = 'SUBMITTED' and t.organisation_id <> ?
                   and o.registration_number is not null
                   and upper(o.registration_number) = (select upper(registration_number) from organisation where id = ?)""",
                Tenders::row, lotId, organisationId, organisationId);
    }

    public Optional<Tender> liveTender(UUID lotId, UUID organisationId) {
        return sql.one(SELECT + " where t.lot_id = ? and t.organisation_id = ? and t.status = 'SUBMITTED'", Tenders::row, lotId, organisationId);
    }

    private List<Tender> withAnswers(List<Tender> tenders) {
        if (tenders.isEmpty()) {
            return tenders;
        }
        Map<UUID, List<Tender.Answer>> answers = new HashMap<>();
        sql.query("select * from tender_answer where tender_id = any(?) order by criterion_id", rs -> {
            answers.computeIfAbsent(rs.getObject("tender_id", UUID.class), k -> new ArrayList<>())
                    .add(new Tender.Answer(rs.getObject("criterion_id", UUID.class), rs.getString("answer")));
            return null;
        }, (Object) tenders.stream().map(Tender::id).toArray(UUID[]::new));
        return tenders.stream().map(t -> new Tender(t.id(), t.roundId(), t.lotId(), t.organisationId(), t.organisationName(),
                t.status(), t.pricePence(), t.submittedAt(), t.submittedBy(), t.contentSha256(),
                List.copyOf(answers.getOrDefault(t.id(), List.of())))).toList();
    }

    private static Tender row(ResultSet rs) throws SQLException {
        return new Tender(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getObject("lot_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getString("organisation_name"), rs.getString("status"),
                rs.getLong("price_pence"), Sql.instant(rs, "submitted_at"), rs.getObject("submitted_by", UUID.class),
                rs.getString("content_sha256"), List.of());
    }
}
