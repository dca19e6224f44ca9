package org.levelfield.award

import io.micronaut.http.HttpStatus
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import org.levelfield.award.application.NotifyingAward
import org.levelfield.round.infrastructure.Rounds
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.RoundFixture

import java.time.Instant
import java.time.LocalDate

/**
 * A round that commenced under the Public Contracts Regulations 2006 (issue 13, 2.7) is not treated as
 * one under the 2015 regulations: its notices and standstill follow the regime REG-02 derives.
 */
@MicronautTest(transactional = false)
class OlderRegimeSpec extends IntegrationSpec {

    @Inject
    NotifyingAward notifying

    @Inject
    Rounds rounds

    def "a round commenced in 2012 is under PCR 2006, and one commenced in 2004 under the 1993 regulations"() {
        given:
        def who = people()
        clock.set(Instant.parse("2026-10-01T09:00:00Z"))
        def of2012 = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-12-21T12:00:00Z"), LocalDate.of(2012, 5, 1))).body
        def of2004 = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.parse("2026-12-21T12:00:00Z"), LocalDate.of(2004, 5, 1))).body

        expect:
        notifying.regime(rounds.find(UUID.fromString(of2012.id as String)).orElseThrow()) == "PCR_2006"
        notifying.regime(rounds.find(UUID.fromString(of2004.id as String)).orElseThrow()) == "PRE_2006"
    }

    def "the public standstill calculator answers for the 2006 regulations and refuses an unknown regime"() {
        when:
        def partA = api("GET", "/api/standstill?regime=PCR_2006&published=2012-03-01", null)
        def before = api("GET", "/api/standstill?regime=PRE_2006&published=2005-03-01&mandatory=true", null)
        def unknown = api("GET", "/api/standstill?regime=PCR_1999&published=2005-03-01", null)
        def psr = api("GET", "/api/standstill?regime=PSR&published=2025-12-24", null)

        then:
        partA.status == HttpStatus.OK
        partA.body.lastDay == "2012-03-12"
        partA.body.mandatory
        before.body.mandatory == false
        psr.body.lastDay == "2026-01-08"
        psr.body.regime == "PSR"
        unknown.status == HttpStatus.BAD_REQUEST
        unknown.body.errors[0].field == "regime"
    }
}
