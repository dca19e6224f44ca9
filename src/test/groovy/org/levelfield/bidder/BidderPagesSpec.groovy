package org.levelfield.bidder

import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.web.router.Router
import jakarta.inject.Inject
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.PageVisitor
import org.levelfield.support.RoundFixture
import spock.lang.Shared

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.time.Instant

/**
 * The bidder pages at the service, as a browser talks to it: cookies, form tokens, refusals shown
 * in place with what was typed, and nothing stored when a form is refused.
 */
@MicronautTest(transactional = false)
class BidderPagesSpec extends IntegrationSpec {

    @Shared Map<String, String> who
    @Shared Map round
    @Inject EmbeddedServer server
    @Inject Router router


    def setup() {
        if (who == null) {
            who = people()
            def created = api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(Instant.now().plus(Duration.ofDays(40))))
            round = created.body
            assert approveAndPublish(round, who.commissioner).status.code == 200
        }
        clock.followSystemClock()
    }

    PageVisitor visitor() { new PageVisitor(server.URL.toString(), PASSWORD) }

    String username(String key) { api("GET", "/api/me", who[key]).body.username }

    def "cookies are HttpOnly and SameSite; Secure when served over TLS; the session cookie is never read by the API"() {
        given:
        def v = visitor()

        when:
        v.signIn(username("bidder"))
        def session = v.setCookies.find { it.startsWith("levelfield-session=") }
        def form = v.setCookies.find { it.startsWith("levelfield-form=") }
        def apiWithCookie = v.send("GET", "/api/me", null, null, ["Accept": "application/json"])
        def overTls = visitor()
        overTls.send("GET", "/", null, null, ["X-Forwarded-Proto": "https"])

        then:
        session.contains("HTTPOnly") && session.contains("SameSite=Lax") && !session.contains("Secure")
        form.contains("HTTPOnly") && form.contains("SameSite=Strict")
        apiWithCookie.status == 401
        overTls.setCookies.find { it.startsWith("levelfield-form=") }.contains("Secure")
    }

    def "every form on the pages is refused without its token, or with another browser's, and nothing is stored"() {
        given: "a signed-in bidder, and every POST route of the pages"
        def v = visitor()
        v.signIn(username("bidder"))
        def lot = round.lots[1]
        def criterion = lot.criteria.find { it.kind != "PRICE" }
        def routes = router.uriRoutes().toList().findAll { it.httpMethodName == "POST" }*.uriMatchTemplate*.toPathString()
                .findAll { !it.startsWith("/api") && !it.startsWith("/oauth") && !it.startsWith("/account/") && it != "/token_info" }
        def paths = routes.collect { t ->
            t.replace("{roundId}", round.id as String).replace("{lotId}", lot.id as String).replace("{criterionId}", criterion.id as String)
                    .replace("{step}", "organisation").replaceAll(/\{section[^}]*}/, "price").replace("{/index}", "")
                    .replace("{evaluatorId}", UUID.randomUUID().toString()).replace("{id}", round.id as String).replaceAll(/\{action[^}]*}/, "cancel")
                    .replace("{lotIndex}", "0").replace("{index}", "0").replace("{page}", "consultation").replace("{characteristic}", "AGE")
                    .replaceAll(/\{kind[^}]*}/, "partners")
        }.findAll { !it.contains("{tenderId}") } // a tender's own pages answer 404 to anyone else; AbnormallyLowSpec checks their token
        def before = [tenders: count("tender"), adjustments: count("adjustment_request"), questions: count("clarification"), sessions: count("user_session")]
        def refused = [:]

        when:
        paths.each { p ->
            def form = [question: "Q?", answer: "A", price: "100", vatBasis: "VAT_EXEMPT", kinds: "BSL", details: "d", email: "x@example.org",
                        name: "N", legalForm: "CIO", staff: "1", password: PASSWORD, organisationName: "O", next: "/"]
            def missing = v.post(p, form, false)
            def wrong = v.post(p, [formToken: "not-the-token"] + form, false)
            refused[p] = [missing.status, wrong.status]
        }

        then: "each is refused, none with a 500, and nothing was stored"
        paths.size() >= 20
        refused.findAll { p, s -> !(s.every { it in [303, 400, 403, 415] }) }.isEmpty()
        refused.findAll { p, s -> s.any { it == 200 } }.isEmpty()
        count("tender") == before.tenders
        count("adjustment_request") == before.adjustments
        count("clarification") == before.questions
    }

    def "a refused form shows GOV.UK error messages in place and keeps what was typed"() {
        given:
        def v = visitor()
        v.signIn(username("bidder"))
        def orgBefore = sql.query("select income_pence from organisation o join app_user u on u.organisation_id = o.id where u.username = ?",
                { rs -> rs.getObject(1) } as org.levelfield.common.database.Sql.Row, username("bidder")).first()

        when: "money with letters and a negative number"
        def letters = v.post("/organisation/profile", [name: "Sister Space", legalForm: "CIO", income: "£21O,000", staff: "-3", accountsType: "AUDITED", insuranceHeld: "no"])
        def negative = v.post("/rounds/$round.id/can-we-bid/money", [income: "-£5", accountsType: "AUDITED"])

        then:
        letters.status == 400
        letters.body.contains("govuk-error-summary")
        letters.body.contains('href="#income"')
        letters.body.contains("Enter yearly income or turnover in pounds, using numbers only")
        letters.body.contains('value="£21O,000"')
        negative.status == 400
        negative.body.contains("Yearly income or turnover must be £0 or more")
        sql.query("select income_pence from organisation o join app_user u on u.organisation_id = o.id where u.username = ?",
                { rs -> rs.getObject(1) } as org.levelfield.common.database.Sql.Row, username("bidder")).first() == orgBefore

        when: "a word limit exceeded"
        def lot = round.lots[1]
        def criterion = lot.criteria.find { it.wordLimit }
        def tooLong = v.post("/rounds/$round.id/lots/$lot.id/tender/answers/$criterion.id", [answer: (["word"] * 51).join(" ")])

        then:
        tooLong.status == 400
        tooLong.body.contains("Your answer has 51 words: it must be 50 words or fewer")
        tooLong.body.contains("word word word")
        count("tender", "lot_id = ?", UUID.fromString(lot.id as String)) == 0

        when: "an impossible date"
        def date = v.post("/rounds/$round.id/adjustments/new", [kinds: "BSL", details: "Interpreter please", "neededBy-day": "31", "neededBy-month": "2", "neededBy-year": "2027"])

        then:
        date.status == 400
        date.body.contains("The date you need it by must be a real date")
        date.body.contains("Interpreter please")
        count("adjustment_request", "round_id = ?", UUID.fromString(round.id as String)) == 0
    }

    def "a form sent after the deadline or after signing out changes nothing"() {
        given:
        def v = visitor()
        v.signIn(username("bidder2"))
        def lot = round.lots[1]
        def criterion = lot.criteria.find { it.kind != "PRICE" }
        String path = "/rounds/$round.id/lots/$lot.id/tender/answers/$criterion.id"

        when: "after the deadline"
        clock.set(Instant.parse(round.tenderDeadline as String).plusSeconds(1))
        def late = v.post(path, [answer: "Late answer"])
        clock.followSystemClock()

        then:
        late.status == 400
        late.body.contains("Nothing was saved")
        count("tender", "lot_id = ?", UUID.fromString(lot.id as String)) == 0

        when: "after signing out"
        v.post("/sign-out", [:])
        def signedOut = v.post(path, [answer: "After sign-out"])

        then: "the sign-in page is shown in its place, holding what was typed; nothing is saved"
        signedOut.status == 401
        signedOut.body.contains("your answers have not been saved yet")
        signedOut.body.contains('name="keptValue" value="After sign-out"')
        signedOut.body.contains("name=\"resendTo\" value=\"$path\"")
        count("tender", "lot_id = ?", UUID.fromString(lot.id as String)) == 0

        when: "signed in from that page, the answers are offered again, then sent"
        def fields = [email: username("bidder2"), password: PASSWORD, next: "/tenders", resendTo: path, keptName: ["answer"], keptValue: ["After sign-out"]]
        def signedIn = v.post("/sign-in", fields)
        def resent = v.post(path, [answer: "After sign-out"])

        then:
        signedIn.status == 200
        signedIn.body.contains("send your answers again")
        signedIn.body.contains("name=\"answer\" value=\"After sign-out\"")
        signedIn.body.contains("action=\"$path\"")
        !signedIn.body.contains(PASSWORD)
        resent.status == 303
        sql.query("select a.answer from tender t join tender_answer a on a.tender_id = t.id where t.lot_id = ? and t.status = 'DRAFT'",
                { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, UUID.fromString(lot.id as String)) == ["After sign-out"]

        when: "a page to send them to elsewhere is refused"
        v.post("/sign-out", [:])
        def away = v.post("/sign-in", fields + [resendTo: "https://evil.example/steal"])

        then:
        !away.body.contains("evil.example")
    }

    def "sign-in only ever sends a person back to a page of this service"() {
        given:
        def v = visitor()
        v.open("/sign-in")

        when:
        def r = v.post("/sign-in", [email: username("bidder"), password: PASSWORD, next: "https://evil.example/steal"])

        then:
        r.status == 303
        r.location == "/tenders"
    }

    def "unknown pages and ids answer a GOV.UK 404 page, never a 500"() {
        given:
        def v = visitor()

        expect:
        ["/nowhere", "/rounds/not-a-uuid", "/rounds/${UUID.randomUUID()}", "/rounds/$round.id/can-we-bid/nothing"].every { p ->
            def r = v.open(p as String)
            r.status == 404 && r.body.contains("Page not found")
        }
    }

    def "more time for one bidder who asks for an adjustment is more time for every bidder, and each step is audited"() {
        given:
        def asked = api("POST", "/api/rounds/$round.id/adjustments", who.bidder, [kinds: ["MORE_TIME", "BSL"], details: "Our manager is Deaf; BSL takes longer to arrange"])
        Instant later = Instant.parse(round.tenderDeadline as String).plus(Duration.ofDays(7))

        when:
        def refusedByBidder = api("POST", "/api/adjustments/$asked.body.id/answer", who.bidder, [decision: "AGREED", answer: "x"])
        def bad = api("POST", "/api/adjustments/$asked.body.id/answer", who.commissioner, [decision: "MAYBE"])
        def answered = api("POST", "/api/adjustments/$asked.body.id/answer", who.commissioner,
                [decision: "AGREED", answer: "Agreed: an interpreter is booked and the deadline moves a week for everyone.", newDeadline: later.toString()])
        def seenByOther = api("GET", "/api/rounds/$round.id/adjustments", who.bidder2)

        then:
        asked.status.code == 201
        refusedByBidder.status.code == 403
        bad.status.code == 400
        answered.status.code == 200
        Instant.parse(api("GET", "/api/rounds/$round.id", who.commissioner).body.tenderDeadline as String) == later.truncatedTo(java.time.temporal.ChronoUnit.MICROS)
        seenByOther.body.isEmpty()
        count("audit_entry", "round_id = ? and kind in ('ADJUSTMENT_REQUESTED', 'ADJUSTMENT_ANSWERED', 'DEADLINE_EXTENDED')", UUID.fromString(round.id as String)) == 3
        count("bidder_notice", "round_id = ? and message like 'The deadline for tenders has been extended%'", UUID.fromString(round.id as String)) >= 1
        count("bidder_notice", "round_id = ? and message like 'Your request for a reasonable adjustment%'", UUID.fromString(round.id as String)) == 1
    }

    def "after sending, a bidder's award page says what has and has not been sent yet; another organisation cannot open it"() {
        given: "bidder2 sends a tender through the API"
        def me = api("GET", "/api/me", who.bidder2).body
        completeProfile(UUID.fromString(me.organisationId as String), "COMPANY", 500_000_000, 80, "AUDITED")
        def lot = round.lots[0]
        def sent = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 40_000_000))
        def own = visitor()
        own.signIn(username("bidder2"))
        def other = visitor()
        other.signIn(username("bidder"))

        when:
        def page = own.open("/tenders/$sent.body.tenderId/award")
        def pdf = own.open("/tenders/$sent.body.tenderId/award/assessment-summary.pdf")
        def stranger = other.open("/tenders/$sent.body.tenderId/award")

        then:
        sent.status.code == 201
        page.status == 200
        page.body.contains("Your assessment summary has not been sent yet")
        page.body.contains("The award notice has not been published yet")
        pdf.status == 404
        stranger.status == 404
    }

    /** A multipart upload as a browser sends it from the attachments page. */
    Map upload(PageVisitor v, String path, String fileName, String type, byte[] content) {
        String boundary = "----levelfield" + UUID.randomUUID().toString().replace("-", "")
        def out = new ByteArrayOutputStream()
        out << "--$boundary\r\nContent-Disposition: form-data; name=\"formToken\"\r\n\r\n${v.token()}\r\n"
        out << "--$boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"$fileName\"\r\nContent-Type: $type\r\n\r\n"
        out << content
        out << "\r\n--$boundary--\r\n"
        def b = HttpRequest.newBuilder(URI.create(server.URL.toString() + path)).header("Accept", "text/html")
                .header("Cookie", v.cookies.collect { k, val -> "$k=$val" }.join("; "))
                .header("Content-Type", "multipart/form-data; boundary=$boundary")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
        def r = v.client.send(b.build(), HttpResponse.BodyHandlers.ofString())
        [status: r.statusCode(), body: r.body(), location: r.headers().firstValue("location").orElse(null)]
    }

    def "a tender is revised with a new receipt (the old one kept) and withdrawn; a second send from another tab sends nothing twice; a wrong file is refused"() {
        given: "a colleague of Sister Space with a complete profile"
        def me = api("GET", "/api/me", who.colleague).body
        completeProfile(UUID.fromString(me.organisationId as String), "CIO", 30_000_000, 9, "INDEPENDENT_EXAMINATION")
        def lot = round.lots[1]
        String base = "/rounds/$round.id/lots/$lot.id/tender"
        def v = visitor()
        v.signIn(username("colleague"))

        when: "a file of a type the service does not take, then an empty one"
        fill(v, base, lot)
        def exe = upload(v, "$base/attachments", "run.exe", "application/x-msdownload", "MZ".bytes)
        def empty = upload(v, "$base/attachments", "empty.pdf", "application/pdf", new byte[0])

        then:
        exe.status == 400 && exe.body.contains('href="#file"')
        empty.status == 400 && empty.body.contains("Select a file to attach")
        count("tender_attachment") == old(count("tender_attachment"))

        when: "sent, then sent again from another tab"
        def first = v.post("$base/submit", [:])
        def second = v.post("$base/submit", [:])
        UUID firstId = UUID.fromString(first.location.replaceAll(".*/tenders/([^?]+).*", '$1'))

        then:
        first.status == 303
        second.status == 303 && second.location.startsWith("/tenders/$firstId")
        count("tender", "lot_id = ? and organisation_id = ? and status = 'SUBMITTED'", UUID.fromString(lot.id as String), UUID.fromString(me.organisationId as String)) == 1

        when: "revised; a price stated including VAT is refused in place, since this lot compares prices excluding VAT"
        assert v.post("$base/revise", [:]).status == 303
        def pricePage = v.open("$base/price")
        def withVat = v.post("$base/price", [price: "£108,000", vatBasis: "INCLUDING_VAT"])
        assert v.post("$base/price", [price: "£90,000", vatBasis: "VAT_EXEMPT"]).status == 303
        def revised = v.post("$base/submit", [:])
        UUID revisedId = UUID.fromString(revised.location.replaceAll(".*/tenders/([^?]+).*", '$1'))
        def receipt = v.open("/tenders/$revisedId")

        then: "the page says the basis; the refused price was kept on the page, not stored"
        pricePage.body.contains("This lot compares prices excluding VAT")
        withVat.status == 400
        withVat.body.contains("This lot compares prices excluding VAT, as the tender documents say")
        withVat.body.contains("108,000")

        and: "a new receipt; the first is kept as replaced"
        revisedId != firstId
        sql.query("select status from tender where id = ?", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, firstId).first() == "SUPERSEDED"
        sql.query("select price_pence from tender where id = ?", { rs -> rs.getLong(1) } as org.levelfield.common.database.Sql.Row, revisedId).first() == 9_000_000L
        receipt.body.contains("Earlier receipts for this lot")

        and: "the receipt gives the time to the second, and says the deadline is judged by when the tender reached the server"
        receipt.body =~ /\d{1,2}:\d{2}:\d{2}(am|pm) on \d{1,2} \w+ \d{4}/
        receipt.body.contains("when it reached Levelfield's server; the deadline is judged by this time")

        when: "withdrawn without ticking the box, then with it"
        def unconfirmed = v.post("$base/withdraw", [:])
        def statusAfterUnconfirmed = sql.query("select status from tender where id = ?", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, revisedId).first()
        def confirmed = v.post("$base/withdraw", [confirm: "yes"])

        then:
        unconfirmed.status == 303 && statusAfterUnconfirmed == "SUBMITTED"
        confirmed.status == 303
        sql.query("select status from tender where id = ?", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, revisedId).first() == "WITHDRAWN"
    }

    def "pages warn before the session ends, and 'Stay signed in' swaps it for a fresh one"() {
        given: "a session with 10 minutes left"
        def v = visitor()
        v.signIn(username("scrutiny"))
        UUID userId = UUID.fromString(api("GET", "/api/me", who.scrutiny).body.userId as String)
        sql.update("update user_session set expires_at = ? where user_id = ? and ended_at is null and expires_at > now() + interval '1 hour'",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofMinutes(10))), userId)

        when:
        def warned = v.open("/rounds")
        def stayed = v.post("/sign-in/stay", [next: "/rounds"])
        def after = v.open("/rounds")

        then:
        warned.body.contains("You will be signed out at")
        warned.body.contains("Stay signed in")
        stayed.status == 303 && stayed.location == "/rounds"
        v.setCookies.count { it.startsWith("levelfield-session=") } == 2
        !after.body.contains("You will be signed out at")
        after.body.contains("Sign out")
        count("audit_entry", "kind = 'SIGN_IN' and actor_id = ? and detail->>'method' = 'renewed'", userId) == 1
    }

    def "text too long, a number in words and a file too big are refused in place, and nothing is stored"() {
        given:
        def v = visitor()
        v.signIn(username("colleague"))
        def lot = round.lots[1]
        String name = "N" * 301

        when:
        def tooLong = v.post("/rounds/$round.id/can-we-bid/organisation", [name: name, legalForm: "CIO", staff: "six"])
        def tooBig = upload(v, "/rounds/$round.id/lots/$lot.id/tender/attachments", "big.pdf", "application/pdf", new byte[6 * 1024 * 1024])

        then:
        tooLong.status == 400
        tooLong.body.contains("The name must be 300 characters or fewer")
        tooLong.body.contains("Enter how many people it employs, as a whole number, like 6")
        tooLong.body.contains('value="six"')
        !v.setCookies.any { it.startsWith("levelfield-check=") && it.contains(name) }
        tooBig.status in [400, 413]
        !tooBig.body.contains("big.pdf (")
        count("attachment", "file_name = 'big.pdf'") == 0
    }

    /** Answers every section of a tender a complete tender needs, as a browser posts them. */
    void fill(PageVisitor v, String base, Map lot) {
        lot.criteria.findAll { it.kind != "PRICE" }.each { c -> assert v.post("$base/answers/$c.id", [answer: "Our plan for ${c.title}".toString()]).status == 303 }
        assert v.post("$base/evidence", ["type-RACE": "PLAN", "description-RACE": "Plan", "type-DISABILITY": "PLAN", "description-DISABILITY": "Plan",
                                         "type-SEX": "PLAN", "description-SEX": "Plan"]).status == 303
        assert v.post("$base/monitoring", [characteristics: ["RACE", "SEX", "DISABILITY", "AGE", "RELIGION_BELIEF", "SEXUAL_ORIENTATION", "GENDER_REASSIGNMENT"],
                                           frequency: "QUARTERLY", description: "Quarterly", safeguards: "yes"]).status == 303
        if (lot.criteria.any { it.kind == "PRICE" }) {
            assert v.post("$base/price", [price: "£95,000", vatBasis: "VAT_EXEMPT"]).status == 303
        }
        assert v.post("$base/declarations", [mandatoryExclusionGround: "no", discretionaryExclusionGround: "no", recurrenceLikely: "no",
                                             equalityLawFindings: "0", conflictOfInterest: "no"]).status == 303
    }

    def "consortium members make their own declarations; subcontractors have a share, payment terms and a letter; bad answers change nothing"() {
        given: "a member of Sister Space preparing a tender on the first lot, with a letter attached"
        def lot = round.lots[0]
        String base = "/rounds/$round.id/lots/$lot.id/tender"
        def v = visitor()
        v.signIn(username("bidder"))
        fill(v, base, lot)
        def letterUpload = upload(v, "$base/attachments", "commitment-letter.pdf", "application/pdf", org.levelfield.support.Pdfs.letter("Letter"))
        assert letterUpload.status == 303
        String letterId = sql.query("select id from attachment where file_name = 'commitment-letter.pdf' order by uploaded_at desc limit 1",
                { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row).first()
        def member = [memberName: "Northside Women's Aid", memberLegalForm: "CIO", memberNumber: "GB-CHC-" + uniqueDigits(7), memberTurnover: "£85,000",
                      memberRole: "Outreach in the north", mandatoryExclusionGround: "no", discretionaryExclusionGround: "no",
                      recurrenceLikely: "no", equalityLawFindings: "0", conflictOfInterest: "no"]
        def sub = [subName: "Deaf Women Together", subKind: "PARTNER", subShare: "20", subPaymentDays: "14", subFullCost: "yes",
                   subLetter: letterId, subDuties: ["DISABILITY", "SEX"]]

        when: "a member without its declarations, and a subcontractor with an impossible share and a letter that is not this tender's"
        def noDeclarations = v.post("$base/partners/member", member.findAll { !(it.key in ["mandatoryExclusionGround", "conflictOfInterest"]) })
        def badSub = v.post("$base/partners/subcontractor", sub + [subShare: "150", subLetter: UUID.randomUUID().toString(), subPaymentDays: "soon"])
        def draft = v.open("$base/partners")

        then: "each is shown in place with what was typed, and the draft has no partner"
        noDeclarations.status == 400
        noDeclarations.body.contains("Select yes if a mandatory exclusion ground applies to this member")
        noDeclarations.body.contains("Select yes if anyone in this member has a conflict of interest")
        noDeclarations.body.contains("Northside Women&#39;s Aid")
        v.post("$base/partners/member", member + [memberNumber: ""]).body.contains("Enter the member&#39;s registration number")
        badSub.status == 400
        badSub.body.contains("Enter their share as a whole number from 1 to 99, like 30")
        badSub.body.contains("Enter the days as a whole number from 0 to 120, like 30")
        badSub.body.contains("Select one of this tender&#39;s attachments, or &#39;Not attached yet&#39;")
        badSub.body.contains('value="150"')
        draft.body.count("None added.") == 2

        when: "both are added properly, and the member is changed"
        def added = v.post("$base/partners/member", member)
        def addedSub = v.post("$base/partners/subcontractor", sub)
        def changePage = v.open("$base/partners/member/0")
        def changed = v.post("$base/partners/member/0", member + [memberRole: "Outreach and refuge in the north"])
        def list = v.open("$base/partners")

        then: "the list shows them with their terms and the letter"
        added.status == 303 && addedSub.status == 303 && changed.status == 303
        changePage.body.contains('value="Outreach in the north"')
        list.body.contains("Outreach and refuge in the north")
        list.body.contains("20%")
        list.body.contains("14 days of their invoice")
        list.body.contains("commitment-letter.pdf")
        list.body.count("Mandatory exclusion ground: no") == 1

        when: "an address for a partner that is not there"
        def missing = v.open("$base/partners/member/7")
        def notANumber = v.open("$base/partners/subcontractor/first")

        then:
        missing.status == 404 && notANumber.status == 404

        when: "sent"
        def sent = v.post("$base/submit", [:])
        String tenderId = sent.location.replaceAll(".*/tenders/([^?]+).*", '$1')
        def stored = api("GET", "/api/tenders/$tenderId", who.bidder).body

        then: "the tender holds the member's declarations and the subcontractor's terms and letter"
        sent.status == 303
        stored.details.consortium*.name == ["Northside Women's Aid"]
        stored.details.consortium[0].declarations.mandatoryExclusionGround == false
        stored.details.consortium[0].turnoverPence == 8_500_000
        stored.details.consortium[0].role == "Outreach and refuge in the north"
        stored.details.subcontractors[0].sharePercent == 20
        stored.details.subcontractors[0].paymentDays == 14
        stored.details.subcontractors[0].fullCostRecovery == true
        stored.details.subcontractors[0].commitmentLetterId == letterId
        stored.details.subcontractors[0].duties == ["DISABILITY", "SEX"]
    }

    def "a signed-in member uses the answers of 'Can we bid?' in its profile, checks them, and only then are they saved"() {
        given: "the colleague answers the first two questions of the check"
        def v = visitor()
        v.signIn(username("colleague"))
        assert v.post("/rounds/$round.id/can-we-bid/organisation", [name: "Sister Space", legalForm: "CIO", staff: "7"]).status == 303
        assert v.post("/rounds/$round.id/can-we-bid/money", [income: "£412,500", balanceSheet: "£90,000", accountsType: "INDEPENDENT_EXAMINATION"]).status == 303
        def me = api("GET", "/api/me", who.colleague).body
        def incomeBefore = sql.query("select income_pence from organisation where id = ?", { rs -> rs.getLong(1) } as org.levelfield.common.database.Sql.Row,
                UUID.fromString(me.organisationId as String)).first()

        when:
        def plain = v.open("/organisation/profile")
        def fromCheck = v.open("/organisation/profile?fromCheck=yes")

        then: "the profile shows the check's answers only when asked, and nothing is saved by looking"
        !plain.body.contains('value="412,500"')
        fromCheck.body.contains('value="412,500"')
        fromCheck.body.contains("We have filled in the answers you gave when you checked whether you could bid")
        sql.query("select income_pence from organisation where id = ?", { rs -> rs.getLong(1) } as org.levelfield.common.database.Sql.Row,
                UUID.fromString(me.organisationId as String)).first() == incomeBefore
    }

    def "a tender an amendment set aside starts the new draft, so nothing has to be typed again"() {
        given: "bidder2's tender on the first lot, set aside as an amendment of its criteria does"
        def lot = round.lots[0]
        def me = api("GET", "/api/me", who.bidder2).body
        def live = api("GET", "/api/tenders/mine", who.bidder2).body.find { it.lotId == lot.id && it.status == "SUBMITTED" }
        String tenderId = live ? live.id : api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder2, RoundFixture.tender(lot, 40_000_000)).body.tenderId
        sql.update("update tender set status = 'RESUBMISSION_REQUIRED' where id = ?", UUID.fromString(tenderId))
        def v = visitor()
        v.signIn(username("bidder2"))
        String base = "/rounds/$round.id/lots/$lot.id/tender"

        when:
        def taskList = v.open(base)
        def again = v.open(base)
        def drafts = count("tender", "lot_id = ? and organisation_id = ? and status = 'DRAFT'", UUID.fromString(lot.id as String), UUID.fromString(me.organisationId as String))
        def sent = v.post("$base/submit", [:])

        then: "the task list says why and holds the earlier answers; opening it twice makes one draft; it can be sent as it is"
        taskList.status == 200
        taskList.body.contains("The round was amended, so the tender you sent no longer counts")
        !again.body.contains("The round was amended")
        drafts == 1
        sent.status == 303
        sent.location.startsWith("/tenders/")
        sql.query("select status from tender where id = ?", { rs -> rs.getString(1) } as org.levelfield.common.database.Sql.Row, UUID.fromString(tenderId)).first() == "RESUBMISSION_REQUIRED"
    }
}
