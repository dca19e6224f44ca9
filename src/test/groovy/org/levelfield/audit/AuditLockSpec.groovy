package org.levelfield.audit

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Inject
import org.levelfield.common.audit.AuditTrail
import org.levelfield.support.IntegrationSpec

import java.sql.Connection
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Issue 15, part 10: the lock that gives the audit chain its one order is taken as a transaction commits, not when it
 * appends its entry, so a long piece of work that has recorded something does not hold up everyone else's writes;
 * the chain still has one order, no gaps, and verifies. A rolled-back transaction leaves no entry.
 */
@MicronautTest(transactional = false)
class AuditLockSpec extends IntegrationSpec {

    @Inject AuditTrail trail
    @Inject TransactionOperations<Connection> transactions

    def "a transaction that appended and is still working does not hold up another's append and commit"() {
        given:
        def appended = new CountDownLatch(1)
        def finish = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(2)
        def subject = "lock-" + UUID.randomUUID()

        when: "the first appends, then keeps working (as an eligibility run would) until told to finish"
        def slow = pool.submit({
            transactions.executeWrite { status ->
                trail.append("TEST", null, null, subject + "-slow", [step: 1])
                appended.countDown()
                finish.await(20, TimeUnit.SECONDS)
                null
            }
        } as Callable)
        appended.await(10, TimeUnit.SECONDS)
        long started = System.nanoTime()
        def quick = pool.submit({ transactions.executeWrite { status -> trail.append("TEST", null, null, subject + "-quick", [step: 2]); null } } as Callable)
        quick.get(5, TimeUnit.SECONDS)
        long quickMillis = (System.nanoTime() - started).intdiv(1_000_000)
        finish.countDown()
        slow.get(10, TimeUnit.SECONDS)
        pool.shutdown()
        def mine = sql.query("select seq, subject from audit_entry where subject like ? order by seq", { rs -> [rs.getLong(1), rs.getString(2)] }, subject + "%")

        then: "the quick one committed while the slow one was still open; each is chained in the order they committed"
        quickMillis < 3000
        mine*.get(1) == [subject + "-quick", subject + "-slow"]
        trail.verify().intact()
    }

    def "forty transactions appending at once are chained in one order without gaps; a rolled-back one leaves nothing"() {
        given:
        def subject = "crowd-" + UUID.randomUUID()
        def pool = Executors.newFixedThreadPool(8)

        when:
        def futures = (1..40).collect { n ->
            pool.submit({
                transactions.executeWrite { status ->
                    trail.append("TEST", null, null, subject, [n: n])
                    trail.append("TEST", null, null, subject, [n: n, second: true])
                    null
                }
            } as Callable)
        }
        futures*.get(30, TimeUnit.SECONDS)
        try {
            transactions.executeWrite { status ->
                trail.append("TEST", null, null, subject + "-rolled-back", [n: 0])
                throw new IllegalStateException("rolled back")
            }
        } catch (IllegalStateException expected) {
        }
        pool.shutdown()
        def seqs = sql.query("select seq from audit_entry where subject = ? order by seq", { rs -> rs.getLong(1) }, subject)
        def all = sql.query("select seq from audit_entry order by seq", { rs -> rs.getLong(1) })

        then:
        seqs.size() == 80
        all == ((all.first())..(all.last())).toList()
        sql.query("select seq from audit_entry where subject = ?", { rs -> rs.getLong(1) }, subject + "-rolled-back").isEmpty()
        trail.verify().intact()
    }
}
