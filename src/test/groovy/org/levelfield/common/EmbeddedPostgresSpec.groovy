package org.levelfield.common

import org.levelfield.common.database.DatabaseBootstrap
import org.levelfield.common.database.EmbeddedPostgres
import org.levelfield.common.database.DatabaseTarget
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager

/**
 * With no PostgreSQL server reachable, the service starts real PostgreSQL binaries from Maven
 * Central, as an unprivileged user when run as root, keeping the data between runs.
 */
class EmbeddedPostgresSpec extends Specification {

    def "when no server answers, an embedded PostgreSQL is started, the database created, and the data kept"() {
        given: "a port nothing listens on"
        int unused = new ServerSocket(0).withCloseable { it.localPort }
        def nowhere = new DatabaseTarget("127.0.0.1", unused, "levelfield_embedded", "postgres", "")
        Path home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "levelfield-embedded-")

        when:
        def target = DatabaseBootstrap.prepare(nowhere, home)
        def version = DriverManager.getConnection(target.jdbcUrl(), target.username(), "").withCloseable { c ->
            c.createStatement().execute("create table kept(x int); insert into kept values (42)")
            c.createStatement().executeQuery("show server_version").with { it.next(); it.getString(1) }
        }

        then:
        target.port() != unused
        version.startsWith("17.")
        Files.exists(home.resolve("pgdata/PG_VERSION"))

        and: "running as root, the server's files belong to an unprivileged user"
        System.getProperty("user.name") != "root" || Files.getOwner(home.resolve("pgdata")).name != "root"

        when: "the bootstrap runs again against the same folder"
        def again = DatabaseBootstrap.prepare(nowhere, home)
        def kept = DriverManager.getConnection(again.jdbcUrl(), again.username(), "").withCloseable { c ->
            c.createStatement().executeQuery("select x from kept").with { it.next(); it.getInt(1) }
        }

        then:
        kept == 42

        cleanup: "the server is stopped and its folder deleted: a test run leaves nothing behind"
        EmbeddedPostgres.stopAndDelete(home)
        assert !Files.exists(home)
    }
}
