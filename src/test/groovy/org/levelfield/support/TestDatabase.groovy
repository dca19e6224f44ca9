package org.levelfield.support

import org.levelfield.common.database.DatabaseBootstrap
import org.levelfield.common.database.DatabaseTarget
import org.levelfield.common.database.EmbeddedPostgres

import java.nio.file.Files
import java.nio.file.Path

/**
 * A fresh PostgreSQL database for each test run (each test JVM): created on first use on the
 * server named by DATABASE_URL or localhost:5432 (or an embedded PostgreSQL if none answers),
 * and dropped when the JVM ends.
 */
class TestDatabase {

    private static DatabaseTarget shared

    static synchronized DatabaseTarget shared() {
        if (shared == null) {
            shared = fresh()
        }
        shared
    }

    /** A new, empty database of its own. */
    static DatabaseTarget fresh() {
        DatabaseTarget server = DatabaseTarget.fromEnvironment(System.getenv())
        // Made only if no server answers; stopped and deleted when the test JVM ends.
        Path embeddedHome = Path.of(System.getProperty("java.io.tmpdir"), "levelfield-test-postgres-" + ProcessHandle.current().pid())
        String name = "levelfield_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        DatabaseTarget target = DatabaseBootstrap.prepare(server.withDatabase(name), embeddedHome)
        Runtime.runtime.addShutdownHook(new Thread({
            DatabaseBootstrap.dropDatabase(target)
            if (Files.exists(embeddedHome)) EmbeddedPostgres.stopAndDelete(embeddedHome)
        }))
        target
    }

    private static final Map<DatabaseTarget, DatabaseTarget> SERVICE = [:]

    /** The service's own connection to an owner's database, migrated on first use: the ordinary role, as in production. */
    static synchronized DatabaseTarget service(DatabaseTarget owner) {
        SERVICE.computeIfAbsent(owner) { org.levelfield.common.database.ServiceRole.migrateAndConnectAs(owner, null) }
    }

    /** The datasource properties a service started on this (owner's) database uses: the service role's. */
    static Map<String, String> properties(DatabaseTarget owner) {
        DatabaseTarget target = service(owner)
        [
                "datasources.default.url"     : target.jdbcUrl(),
                "datasources.default.username": target.username(),
                "datasources.default.password": target.password(),
        ]
    }

    /** Runs statements as the database's owner (what a superuser could do behind the service's back). */
    static void asOwner(DatabaseTarget owner, List<List> statements) {
        java.sql.DriverManager.getConnection(owner.jdbcUrl(), owner.username(), owner.password()).withCloseable { c ->
            statements.each { List st ->
                c.prepareStatement(st[0] as String).withCloseable { ps ->
                    st.drop(1).eachWithIndex { v, i -> ps.setObject(i + 1, v) }
                    ps.execute()
                }
            }
        }
    }
}
