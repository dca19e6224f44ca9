package org.levelfield.access;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.ProblemException;

/**
 * Who belongs to which organisation. One person may belong to several; every member shares the
 * organisation's profile, tenders and notices.
 */
@Singleton
public class Memberships {

    public record Member(UUID userId, String username, String displayName, java.time.Instant addedAt) {
    }

    public record Membership(UUID organisationId, String name) {
    }

    private final Sql sql;
    private final Clock clock;

    public Memberships(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** The user's organisations, their default one first. */
    public List<UUID> organisationsOf(UserAccount user) {
        List<UUID> ids = sql.query("select organisation_id from organisation_member where user_id = ? order by added_at, organisation_id",
                rs -> rs.getObject(1, UUID.class), user.id());
        if (user.organisationId() == null) {
            return ids;
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(user.organisationId()),
                ids.stream().filter(id -> !id.equals(user.organisationId()))).toList();
    }

    public List<Membership> describe(List<UUID> organisations) {
        return organisations.stream().map(id -> sql.one("select name from organisation where id = ?", rs -> rs.getString(1), id)
                .map(name -> new Membership(id, name)).orElse(new Membership(id, "(removed)"))).toList();
    }

    public List<Member> members(UUID organisationId) {
        return sql.query("""
                select u.id, u.username, u.display_name, coalesce(m.added_at, u.created_at) as added_at
                from app_user u left join organisation_member m on m.user_id = u.id and m.organisation_id = ?
                where m.organisation_id is not null or u.organisation_id = ? order by 4, u.username""",
                rs -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Sql.instant(rs, "added_at")),
                organisationId, organisationId);
    }

    /** Makes the account a member (after they accepted an invitation); the first organisation becomes their default one. */
    @Transactional
    public void join(UUID organisationId, UUID userId, UUID invitedBy) {
        sql.update("insert into organisation_member(organisation_id, user_id, added_at, added_by) values (?,?,?,?) on conflict do nothing",
                organisationId, userId, clock.instant(), invitedBy);
        sql.update("update app_user set organisation_id = ? where id = ? and organisation_id is null", organisationId, userId);
    }

    /**
     * Ends a membership; it takes effect at the person's next request. The last member of an
     * organisation cannot be removed (the organisation would have nobody to act for it).
     */
    @Transactional
    public void remove(UUID organisationId, UUID userId) {
        List<Member> members = members(organisationId);
        if (members.stream().noneMatch(m -> m.userId().equals(userId))) {
            throw ProblemException.notFound("member of this organisation", userId);
        }
        if (members.size() == 1) {
            throw ProblemException.wrongState("This is the organisation's only member: invite someone else first, then remove this member.",
                    "LAST_MEMBER", List.of("invite a member"));
        }
        sql.update("delete from organisation_member where organisation_id = ? and user_id = ?", organisationId, userId);
        sql.update("""
                update app_user set organisation_id = (select organisation_id from organisation_member where user_id = ? order by added_at limit 1)
                where id = ? and organisation_id = ?""", userId, userId, organisationId);
    }
}
