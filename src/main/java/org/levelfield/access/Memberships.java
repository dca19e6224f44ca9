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
    private final UserAccounts accounts;
    private final Clock clock;

    public Memberships(Sql sql, UserAccounts accounts, Clock clock) {
        this.sql = sql;
        this.accounts = accounts;
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

    /** Adds a bidder account to the organisation; refused for non-bidders and existing members. */
    @Transactional
    public Member add(UUID organisationId, String username, Actor by) {
        if (username == null || username.isBlank()) {
            throw ProblemException.badInput("username", "is required: the username of the bidder account to add");
        }
        UserAccount user = accounts.findByUsername(username.strip())
                .orElseThrow(() -> ProblemException.badInput("username", "no account is called '" + username.strip() + "'"));
        if (user.role() != Role.BIDDER) {
            throw ProblemException.badInput("username", "'" + user.username() + "' is a " + user.role()
                    + " account; only bidder accounts can be members of a bidding organisation");
        }
        int added = organisationId.equals(user.organisationId()) ? 0 : sql.update("""
                insert into organisation_member(organisation_id, user_id, added_at, added_by) values (?,?,?,?)
                on conflict do nothing""", organisationId, user.id(), clock.instant(), by.userId());
        if (added == 0) {
            throw ProblemException.badInput("username", "'" + user.username() + "' is already a member of this organisation");
        }
        return members(organisationId).stream().filter(m -> m.userId().equals(user.id())).findFirst().orElseThrow();
    }
}
