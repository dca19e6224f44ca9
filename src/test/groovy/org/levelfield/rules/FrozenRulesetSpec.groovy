package org.levelfield.rules

import com.fasterxml.jackson.databind.ObjectMapper
import io.micronaut.context.ApplicationContext
import org.levelfield.common.identity.Actor
import org.levelfield.access.Organisation
import org.levelfield.access.Organisations
import org.levelfield.access.PasswordHasher
import org.levelfield.common.identity.Role
import org.levelfield.access.UserAccount
import org.levelfield.access.UserAccounts
import org.levelfield.award.application.ComputingAward
import org.levelfield.evaluation.RecordingScores
import org.levelfield.round.application.ClosingRound
import org.levelfield.round.application.DraftingRound
import org.levelfield.round.application.PublishingRound
import org.levelfield.round.application.RoundCommand
import org.levelfield.rules.engine.RulesEngine
import org.levelfield.support.MutableClock
import org.levelfield.support.RoundFixture
import org.levelfield.support.TestDatabase
import org.levelfield.tender.application.SubmittingTender
import org.levelfield.tender.application.TenderCommand
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant

/** A round is evaluated with the ruleset it was published under, even after rules/ changes. */
class FrozenRulesetSpec extends Specification {

    @TempDir
    Path rules

    ApplicationContext start() {
        ApplicationContext.run(TestDatabase.properties(TestDatabase.shared()) + ["levelfield.rules.directory": rules.toString(),
                "levelfield.demo.seed": "false", "levelfield.closing.enabled": "false", "levelfield.evaluation.min-panel-size": "1"], "test")
    }

    Actor actor(ApplicationContext context, Role role, UUID organisation = null) {
        def user = context.getBean(UserAccounts).save(new UserAccount(UUID.randomUUID(), "${role}-${UUID.randomUUID()}", "$role person",
                PasswordHasher.hash("x"), role, organisation, Instant.now()))
        new Actor(user.id(), user.username(), user.displayName(), role, organisation, organisation == null ? [] : [organisation])
    }

    def "an award is computed with the rules the round was published under, not the changed ones"() {
        given: "the project's rules, copied where this test can change them"
        Files.walk(Path.of("rules")).filter { Files.isRegularFile(it) }.each { source ->
            Path target = rules.resolve(Path.of("rules").relativize(source).toString())
            Files.createDirectories(target.parent)
            Files.copy(source, target)
        }
        Instant deadline = Instant.parse("2026-10-01T12:00:00Z")

        and: "a round published, tendered, closed and scored under them"
        def first = start()
        first.getBean(MutableClock).set(deadline.minusSeconds(86_400 * 40))
        String publishedVersion = first.getBean(RulesEngine).current().version()
        def commissioner = actor(first, Role.COMMISSIONER)
        def evaluator = actor(first, Role.EVALUATOR)
        def org = first.getBean(Organisations).save(new Organisation(UUID.randomUUID(), "Generic Care ${UUID.randomUUID()}", null, Instant.now()))
        def bidder = actor(first, Role.BIDDER, org.id())
        def command = first.getBean(ObjectMapper).convertValue(RoundFixture.aRound(deadline), RoundCommand)
        def round = first.getBean(DraftingRound).create(command, commissioner)
        org.levelfield.support.Lifecycle.approveAndPublish(first, round, commissioner)
        def lot = round.lots().first()
        first.getBean(org.levelfield.common.database.Sql).update(
                "update organisation set legal_form = 'COMPANY', income_pence = 900000000, staff_headcount = 40, accounts_type = 'AUDITED' where id = ?", org.id())
        def lotMap = [criteria: lot.criteria().collect { [id: it.id().toString(), kind: it.kind().name(), title: it.title()] }]
        def tender = first.getBean(ObjectMapper).convertValue(RoundFixture.tender(lotMap, 80_000_000), TenderCommand)
        def receipt = first.getBean(SubmittingTender).submit(round.id(), lot.id(), tender, bidder)
        first.getBean(MutableClock).set(deadline.plusSeconds(1))
        first.getBean(ClosingRound).close(round.id(), commissioner)
        def panels = first.getBean(org.levelfield.evaluation.Panels)
        panels.appoint(round.id(), lot.id(), [evaluator.userId()], commissioner)
        panels.declare(round.id(), new org.levelfield.evaluation.Panels.Declaring([
                new org.levelfield.evaluation.Panels.DeclarationCommand(org.id(), false, null)]), evaluator)
        def scores = lot.evaluatorCriteria().collect { new RecordingScores.ScoreCommand(it.id(), it.duty()?.name() == "DISABILITY" ? 1 : 4, "Section 3") }
        first.getBean(RecordingScores).record(receipt.tenderId(), new RecordingScores.ScoringCommand(scores), evaluator)
        first.close()

        when: "EQ-05 is changed in rules/ and the service restarts"
        Path eq05 = rules.resolve("scoring/EQ-05-equality-gateway.drl")
        String changed = Files.readString(eq05).replace('$tender : TenderEquality( race != null, disability != null, sex != null )',
                '$tender : TenderEquality( race == null )')
        assert changed != Files.readString(eq05): "the change to EQ-05 did not apply; the spec must follow the rule's text"
        Files.writeString(eq05, changed)
        def second = start()
        second.getBean(MutableClock).set(deadline.plusSeconds(3600))
        def award = second.getBean(ComputingAward).compute(round.id(), commissioner).orElseThrow { new AssertionError(it.message()) }

        then: "the service now runs the changed rules"
        second.getBean(RulesEngine).current().version() != publishedVersion

        and: "but this round was evaluated with the frozen ones: the gateway still disqualified the tender"
        award.rulesetVersion() == publishedVersion
        award.findings().any { it.ruleId() == "EQ-05" && it.subjectId() == receipt.tenderId().toString() }
        award.lots().first().tenders().first().disqualified()

        cleanup:
        second?.close()
    }
}
