package org.levelfield.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.levelfield.common.Hashing;
import org.levelfield.common.database.Sql;

/**
 * Limits failed sign-ins per account name and per address within a window. What was typed as the
 * account name is kept only as a SHA-256, and it is counted whether or not such an account exists,
 * so the limit says nothing about which accounts there are. Kept in the database, so every
 * instance behind a load balancer counts the same attempts.
 */
@Singleton
public class SignInThrottle {

    private final Sql sql;
    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    public SignInThrottle(Sql sql, Clock clock,
                          @Value("${levelfield.sign-in.max-failures-per-account:5}") int perAccount,
                          @Value("${levelfield.sign-in.max-failures-per-address:50}") int perAddress,
                          @Value("${levelfield.sign-in.window:15m}") Duration window) {
        this.sql = sql;
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    public static String accountKey(String typed) {
        return Hashing.sha256("sign-in:" + Accounts.normaliseEmail(typed == null ? "" : typed));
    }

    /** When the next attempt may be made, if this one must wait. */
    public Optional<Instant> retryAt(String accountKey, String address) {
        Instant since = clock.instant().minus(window);
        // A successful sign-in clears the account's count (not the address's).
        Instant accountSince = sql.one("select attempted_at from sign_in_attempt where account_key = ? and succeeded order by attempted_at desc limit 1",
                rs -> Sql.instant(rs, "attempted_at"), accountKey).filter(since::isBefore).orElse(since);
        Optional<Instant> byAccount = nthLatestFailure("account_key", accountKey, accountSince, perAccount);
        Optional<Instant> byAddress = nthLatestFailure("address", address, since, perAddress);
        return byAccount.or(() -> byAddress).map(t -> t.plus(window))
                .map(t -> byAddress.map(a -> a.plus(window)).filter(a -> a.isAfter(t)).orElse(t));
    }

    public void record(String accountKey, String address, boolean succeeded) {
        sql.update("insert into sign_in_attempt(attempted_at, account_key, address, succeeded) values (?,?,?,?)",
                clock.instant(), accountKey, address, succeeded);
    }

    /** The limit-th most recent failure in the window, if there are that many: the attempts wait until it leaves the window. */
    private Optional<Instant> nthLatestFailure(String column, String value, Instant since, int limit) {
        return sql.one("select attempted_at from sign_in_attempt where " + column + " = ? and not succeeded and attempted_at > ? "
                        + "order by attempted_at desc offset ? limit 1",
                rs -> Sql.instant(rs, "attempted_at"), value, since, limit - 1);
    }
}
