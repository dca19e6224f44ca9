package org.levelfield.round

import io.micronaut.context.ApplicationContext
import org.levelfield.common.identity.Actor
import org.levelfield.access.PasswordHasher
import org.levelfield.common.identity.Role
import org.levelfield.access.UserAccount
import org.levelfield.access.UserAccounts
import org.levelfield.round.application.ClosingRound
import org.levelfield.round.application.DraftingRound
import org.levelfield.round.application.PublishingRound
import org.levelfield.round.application.RoundCommand
import org.levelfield.round.infrastructure.Rounds
import org.levelfield.round.model.RoundStatus
import org.levelfield.support.MutableClock
import org.levelfield.support.RoundFixture
import org.levelfield.support.TestDatabase
import com.fasterxml.jackson.databind.ObjectMapper
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

/** A round closes at its deadline exactly once, even with two service instances on one database. */
class ClosingRoundSpec extends Specification {

    @Shared Map<String, Object> properties = TestDatabase.properties(TestDatabase.shared()) +
            ["levelfield.demo.seed": "false", "levelfield.closing.enabled": "false"]
    @Shared @AutoCleanup ApplicationContext first = ApplicationContext.run(properties, "test")
    @Shared @AutoCleanup ApplicationContext second = ApplicationContext.run(properties, "test")

    UUID publishedRound(ApplicationContext context, Instant deadline) {
        def clock = context.getBean(MutableClock)
        clock.set(deadline.minusSeconds(86_400 * 40))
        def user = context.getBean(UserAccounts).save(new UserAccount(UUID.randomUUID(), "closer-${UUID.randomUUID()}", "Closer",
                PasswordHasher.hash("x"), Role.COMMISSIONER, null, Instant.now()))
        def actor = new Actor(user.id(), user.username(), user.displayName(), Role.COMMISSIONER, null, [])
        def command = context.getBean(ObjectMapper).convertValue(RoundFixture.aRound(deadline), RoundCommand)
        def round = context.getBean(DraftingRound).create(command, actor)
        org.levelfield.support.Lifecycle.approveAndPublish(context, round, actor)
        round.id()
    }

    def "two instances closing due rounds at the same moment close each round exactly once"() {
        given:
        Instant deadline = Instant.parse("2026-07-01T12:00:00Z")
        UUID roundId = publishedRound(first, deadline)
        [first, second].each { it.getBean(MutableClock).set(deadline.plusSeconds(1)) }
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(2)

        when:
        def results = [first, second].collect { context ->
            pool.submit({ start.await(); context.getBean(ClosingRound).closeAllDue() } as Callable<List<UUID>>)
        }
        start.countDown()
        def closedBy = results.collect { it.get() }

        then:
        closedBy.count { it.contains(roundId) } == 1
        first.getBean(Rounds).find(roundId).get().status() == RoundStatus.CLOSED
        first.getBean(Rounds).history(roundId).count { it.to() == RoundStatus.CLOSED } == 1

        cleanup:
        pool.shutdown()
    }

    def "a round before its deadline is not closed"() {
        given:
        Instant deadline = Instant.parse("2026-08-01T12:00:00Z")
        UUID roundId = publishedRound(first, deadline)
        first.getBean(MutableClock).set(deadline.minusSeconds(1))

        when:
        def closed = first.getBean(ClosingRound).closeAllDue()

        then:
        !closed.contains(roundId)
        first.getBean(Rounds).find(roundId).get().status() == RoundStatus.PUBLISHED
    }

    def "with its schedule switched on, an instance closes a round past its deadline by itself"() {
        given:
        Instant deadline = Instant.parse("2026-09-01T12:00:00Z")
        UUID roundId = publishedRound(first, deadline)
        def scheduled = ApplicationContext.run(properties + ["levelfield.closing.enabled": "true", "levelfield.closing.interval": "200ms"], "test")
        scheduled.getBean(MutableClock).set(deadline.plusSeconds(30))

        expect:
        new PollingConditions(timeout: 20).eventually {
            assert first.getBean(Rounds).find(roundId).get().status() == RoundStatus.CLOSED
        }
        first.getBean(Rounds).history(roundId).find { it.to() == RoundStatus.CLOSED }.reason().contains("automatically")

        cleanup:
        scheduled?.close()
    }
}
