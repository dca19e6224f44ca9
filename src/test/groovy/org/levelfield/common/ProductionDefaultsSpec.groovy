package org.levelfield.common

import org.levelfield.access.SigningKeyCheck
import org.levelfield.common.database.DatabaseTarget
import org.levelfield.support.TestDatabase
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import java.util.concurrent.TimeUnit

/**
 * The service started as the packaged jar starts it (plain java, no development environment) is
 * production: it refuses a missing, short or published JWT secret, never puts an empty embedded
 * database in place of a configured one that is down, and seeds no demo data.
 */
@Timeout(120)
class ProductionDefaultsSpec extends Specification {

    static final String GOOD_SECRET = "a-production-secret-of-forty-eight-bytes-long-xyz"

    @Shared Path home = Files.createTempDirectory("levelfield-prod-home-")

    def cleanupSpec() {
        home.toFile().deleteDir()
    }

    /** Runs org.levelfield.Application in a JVM of its own, with only the environment given. */
    Process start(Map<String, String> env) {
        def java = Path.of(System.getProperty("java.home"), "bin", "java").toString()
        def builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dlevelfield.home=$home/.levelfield".toString(), "-cp", System.getProperty("java.class.path"), "org.levelfield.Application")
                .redirectErrorStream(true)
        builder.environment().clear()
        builder.environment().putAll([PATH: System.getenv("PATH"), HOME: System.getProperty("user.home")] + env)
        builder.start()
    }

    String finish(Process p, int seconds = 60) {
        assert p.waitFor(seconds, TimeUnit.SECONDS): "the service did not stop by itself"
        p.inputStream.text
    }

    def "without JWT_SECRET it stops at once and says what to set"() {
        when:
        def p = start([:])
        String output = finish(p)

        then:
        p.exitValue() == 1
        output.contains("JWT_SECRET is not set")
        output.contains("at least 32 bytes")
    }

    def "with #what as JWT_SECRET it refuses to start"() {
        when:
        def p = start([JWT_SECRET: secret])
        String output = finish(p)

        then:
        p.exitValue() == 1
        output.contains(words)

        where:
        what                                | secret                               || words
        "the development secret"            | SigningKeyCheck.DEVELOPMENT_SECRET    || "development secret published in the repository"
        "a secret under 32 bytes"           | "short-secret"                        || "too short (12 bytes)"
    }

    def "with a configured database that does not answer it retries, then stops; it never starts an embedded one"() {
        given:
        int unused = new ServerSocket(0).withCloseable { it.localPort }

        when:
        def p = start([JWT_SECRET: GOOD_SECRET, DATABASE_URL: "postgres://postgres@127.0.0.1:$unused/levelfield".toString(), LEVELFIELD_DATABASE_WAIT_SECONDS: "2"])
        String output = finish(p)

        then:
        p.exitValue() == 1
        output.contains("No PostgreSQL server answers at 127.0.0.1:$unused (tried for 2 s)")
        output.contains("never replaces a configured database with an empty embedded one")
        !Files.exists(home.resolve(".levelfield"))
    }

    def "with a proper secret and database it starts, seeds no demo data, and stops cleanly"() {
        given:
        DatabaseTarget db = TestDatabase.fresh()
        int port = new ServerSocket(0).withCloseable { it.localPort }
        def p = start([JWT_SECRET: GOOD_SECRET, PORT: "$port".toString(),
                       DATABASE_URL: "postgresql://${db.username()}:${db.password()}@${db.host()}:${db.port()}/${db.database()}".toString(),
                       RULES_DIR: Path.of("rules").toAbsolutePath().toString(), TEMPLATES_DIR: Path.of("templates").toAbsolutePath().toString()])
        def output = new StringBuffer()
        Thread.start { p.inputStream.eachLine { output.append(it).append('\n') } }

        when: "it answers on its port"
        int status = 0
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90)
        while (status != 200 && p.alive && System.nanoTime() < until) {
            try {
                status = ((HttpURLConnection) new URL("http://127.0.0.1:$port/health").openConnection()).responseCode
            } catch (IOException notYet) {
                Thread.sleep(250)
            }
        }
        long users = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()).withCloseable { c ->
            c.createStatement().executeQuery("select count(*) from app_user").with { it.next(); it.getLong(1) }
        }

        then: "it runs, with no demo accounts in the database"
        status == 200
        users == 0

        when: "it is asked to stop"
        p.destroy()

        then: "it stops by itself"
        p.waitFor(30, TimeUnit.SECONDS)

        cleanup:
        p?.destroy()
        p?.waitFor(30, TimeUnit.SECONDS)
    }
}
