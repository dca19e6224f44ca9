package org.levelfield.demo

import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import org.levelfield.access.UserAccounts
import org.levelfield.round.infrastructure.Rounds
import org.levelfield.support.TestDatabase
import spock.lang.Specification

/** The demo seed fills an empty database so a newcomer can try everything, and never touches real data. */
class DemoSeedSpec extends Specification {

    def "an empty database is seeded with one account per role and a published demo round"() {
        given:
        def database = TestDatabase.fresh()

        when:
        def server = ApplicationContext.run(EmbeddedServer, TestDatabase.properties(database) +
                ["levelfield.demo.seed": "true", "levelfield.closing.enabled": "false"], "test")
        def client = server.applicationContext.createBean(HttpClient, server.URL)
        def login = client.toBlocking().retrieve(HttpRequest.POST("/api/login", [username: "commissioner", password: DemoSeeder.PASSWORD]), Map)
        def rounds = client.toBlocking().retrieve(HttpRequest.GET("/api/rounds").bearerAuth(login.access_token as String), List)

        then:
        server.applicationContext.getBean(UserAccounts).findAll()*.username().toSet() ==
                ["commissioner", "evaluator", "evaluator2", "evaluator3", "bidder", "bidder2", "scrutiny", "admin"] as Set
        rounds.size() == 1
        rounds[0].status == "PUBLISHED"

        cleanup:
        client?.close()
        server?.close()
    }

    def "a database that already holds data is never seeded"() {
        given:
        def database = TestDatabase.fresh()
        def context = ApplicationContext.run(TestDatabase.properties(database) +
                ["levelfield.demo.seed": "true", "levelfield.closing.enabled": "false"], "test")
        def seeder = context.getBean(DemoSeeder)
        long accounts = context.getBean(UserAccounts).count()
        int rounds = context.getBean(Rounds).all().size()

        expect: "the first start seeded it"
        accounts == 8
        rounds == 1

        when: "seeding is tried again"
        def seededAgain = seeder.seedIfEmpty()

        then:
        !seededAgain
        context.getBean(UserAccounts).count() == accounts
        context.getBean(Rounds).all().size() == rounds

        cleanup:
        context?.close()
    }
}
