package org.levelfield.common

import org.levelfield.common.database.DatabaseTarget
import spock.lang.Specification

class DatabaseTargetSpec extends Specification {

    def "#description gives #expected"() {
        expect:
        DatabaseTarget.fromEnvironment(env).toString() == expected

        where:
        description                          | env                                                                              || expected
        "nothing set"                        | [:]                                                                              || "localhost:5432/levelfield as postgres"
        "a postgres:// DATABASE_URL"         | [DATABASE_URL: "postgres://app:s%40cret@db.internal:6543/lf"]                    || "db.internal:6543/lf as app"
        "a jdbc DATABASE_URL with user param"| [DATABASE_URL: "jdbc:postgresql://pg:5432/levelfield?user=svc&password=pw"]       || "pg:5432/levelfield as svc"
        "Micronaut's own variables"          | [DATASOURCES_DEFAULT_URL: "jdbc:postgresql://h:5555/x", DATASOURCES_DEFAULT_USERNAME: "u"] || "h:5555/x as u"
    }

    def "the password is decoded and the JDBC URL rebuilt"() {
        when:
        def target = DatabaseTarget.parse("postgres://app:s%40cret@db:6543/lf")

        then:
        target.password() == "s@cret"
        target.jdbcUrl() == "jdbc:postgresql://db:6543/lf"
    }

    def "a URL of another database is refused with what is accepted"() {
        when:
        DatabaseTarget.parse("mysql://x/y")

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains("postgres://")
    }
}
