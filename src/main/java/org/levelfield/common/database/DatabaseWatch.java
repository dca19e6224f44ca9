package org.levelfield.common.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, known without waiting: a probe on a connection of its own (not from the pool, with
 * two-second timeouts) every two seconds, and any request that finds the database gone says so at once. While it is
 * away, requests are answered 503 with Retry-After straight away (common/web/DatabaseGate) instead of each waiting for
 * a pooled connection; readiness reports it; liveness does not depend on it. It comes back by itself: nothing needs
 * restarting.
 */
@Singleton
public class DatabaseWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);

    public record State(boolean up, Instant since, String schemaVersion, String error) {
    }

    private final String url;
    private final String username;
    private final String password;
    private final Clock clock;
    private volatile State state;

    public DatabaseWatch(@Value("${datasources.default.url}") String url, @Value("${datasources.default.username:}") String username,
                         @Value("${datasources.default.password:}") String password, Clock clock) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.clock = clock;
        this.state = new State(true, Instant.now(), null, null);
        // Known from the start: readiness never reports a database it has not checked.
        probe();
    }

    public State state() {
        return state;
    }

    public boolean isUp() {
        return state.up();
    }

    @Scheduled(fixedDelay = "${levelfield.database.watch-interval:2s}", initialDelay = "1s")
    public void probe() {
        Properties props = new Properties();
        props.setProperty("user", username);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "2");
        props.setProperty("loginTimeout", "2");
        try (Connection connection = DriverManager.getConnection(url, props);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select version from flyway_schema_history where success order by installed_rank desc limit 1")) {
            up(rs.next() ? rs.getString(1) : "none");
        } catch (Exception e) {
            down(e.getMessage());
        }
    }

    /** A request could not reach the database: everyone is told at once, until the next probe finds it back. */
    public void reportUnreachable(String error) {
        down(error);
    }

    private void up(String schemaVersion) {
        State before = state;
        state = new State(true, before.up() ? before.since() : clock.instant(), schemaVersion, null);
        if (!before.up()) {
            LOG.warn("The database answers again (it was away since {})", before.since());
        }
    }

    private void down(String error) {
        State before = state;
        if (before.up()) {
            LOG.error("The database does not answer: {}", error);
        }
        state = new State(false, before.up() ? clock.instant() : before.since(), before.schemaVersion(), error);
    }
}
