package org.levelfield.common.database

import org.flywaydb.core.api.FlywayException
import org.levelfield.support.TestDatabase
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager

/**
 * A start runs Flyway only when the database's history lacks something this build ships (issue 15, part 10: Flyway
 * took about half a second of every start with nothing to do). Every difference still runs Flyway.
 */
class MigrationsSpec extends Specification {

    @Shared DatabaseTarget owner = TestDatabase.fresh()

    private Connection connect() {
        DriverManager.getConnection(owner.jdbcUrl(), owner.username(), owner.password())
    }

    private Map<String, Integer> recorded() {
        Map<String, Integer> rows = [:]
        connect().withCloseable { c ->
            c.createStatement().executeQuery("select script, checksum from flyway_schema_history where version is not null").with { rs ->
                while (rs.next()) rows[rs.getString(1)] = rs.getInt(2)
            }
        }
        rows
    }

    def "an empty database has no history, so Flyway runs and applies every migration"() {
        when:
        boolean before = connect().withCloseable { Migrations.upToDate(it, Migrations.shipped()) }
        Migrations.migrate(owner)

        then:
        !before
        recorded().keySet() == Migrations.shipped().keySet()
    }

    def "the checksums computed for the shipped migrations are the ones Flyway recorded, so a migrated database is up to date"() {
        given:
        List<String> files = Files.list(Path.of("src/main/resources/db/migration")).withCloseable { it.map { it.fileName.toString() }.toList() }

        expect:
        Migrations.shipped().keySet() == files as Set
        Migrations.shipped() == recorded()
        connect().withCloseable { Migrations.upToDate(it, Migrations.shipped()) }
    }

    def "a migration not yet applied, an edited migration or a failed entry each means Flyway runs"() {
        given:
        Map<String, Integer> shipped = Migrations.shipped()
        String first = shipped.keySet().first()

        expect: "a new migration in this build"
        !connect().withCloseable { Migrations.upToDate(it, shipped + ["V999__new.sql": 7]) }

        and: "an applied migration whose text changed"
        !connect().withCloseable { Migrations.upToDate(it, shipped + [(first): shipped[first] + 1]) }

        and: "a migration applied from another build that this one does not ship"
        !connect().withCloseable { Migrations.upToDate(it, shipped.findAll { it.key != first }) }

        and: "a failed entry in the history"
        connect().withCloseable { Connection c ->
            c.autoCommit = false
            c.createStatement().execute("update flyway_schema_history set success = false where script = '${first}'")
            boolean upToDate = Migrations.upToDate(c, shipped)
            c.rollback()
            !upToDate
        }
    }

    def "when the history disagrees, Flyway runs and stops the start with its own message"() {
        given: "the first migration's recorded checksum altered behind Flyway's back"
        String first = Migrations.shipped().keySet().first()
        TestDatabase.asOwner(owner, [["update flyway_schema_history set checksum = checksum + 1 where script = ?", first]])

        when:
        Migrations.migrate(owner)

        then:
        FlywayException refused = thrown()
        refused.message.contains("checksum mismatch")

        cleanup:
        TestDatabase.asOwner(owner, [["update flyway_schema_history set checksum = checksum - 1 where script = ?", first]])
    }

    def "a folder holding a repeatable migration or a callback is never taken as up to date"() {
        given:
        Path folder = Files.createTempDirectory("migrations")
        Files.writeString(folder.resolve("V1__first.sql"), "select 1;\n")

        expect:
        Migrations.shipped(folder.toUri().toURL()).keySet() == ["V1__first.sql"] as Set

        when:
        Files.writeString(folder.resolve(name), "select 2;\n")

        then:
        Migrations.shipped(folder.toUri().toURL()).isEmpty()

        cleanup:
        folder.toFile().deleteDir()

        where:
        name << ["R__views.sql", "afterMigrate.sql"]
    }

    def "the packaged jar's migrations are listed as the folder's are, its folder entries aside"() {
        given: "a jar laid out as the packaged one is, with entries for the folders themselves"
        Path jar = Files.createTempFile("migrations", ".jar")
        new java.util.jar.JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            ["db/", "db/migration/"].each { out.putNextEntry(new java.util.jar.JarEntry(it)); out.closeEntry() }
            out.putNextEntry(new java.util.jar.JarEntry("db/migration/V1__first.sql"))
            out.write("select 1;\n".getBytes("UTF-8"))
            out.closeEntry()
        }

        when:
        Map<String, Integer> listed = Migrations.shipped(new URL("jar:" + jar.toUri() + "!/db/migration"))

        then:
        listed == ["V1__first.sql": Migrations.checksum(stream("select 1;\n"))]

        cleanup:
        Files.deleteIfExists(jar)
    }

    def "the checksum is over each line without its line break, a leading byte-order mark dropped"() {
        expect:
        Migrations.checksum(stream("select 1;\nselect 2;\n")) == Migrations.checksum(stream("select 1;\r\nselect 2;"))
        Migrations.checksum(stream("\uFEFFselect 1;\n")) == Migrations.checksum(stream("select 1;\n"))
        Migrations.checksum(stream("select 1;\n")) != Migrations.checksum(stream("select 2;\n"))
    }

    private static InputStream stream(String text) {
        new ByteArrayInputStream(text.getBytes("UTF-8"))
    }
}
