package org.levelfield.common.web

import io.micronaut.context.annotation.Requires
import io.micronaut.context.event.BeanCreatedEvent
import io.micronaut.context.event.BeanCreatedEventListener
import io.micronaut.http.server.netty.NettyServerCustomizer
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.netty.channel.Channel
import io.netty.channel.ChannelHandlerContext
import io.netty.channel.ChannelInboundHandlerAdapter
import jakarta.inject.Inject
import jakarta.inject.Singleton
import org.levelfield.support.IntegrationSpec
import org.levelfield.support.MutableClock
import org.levelfield.support.RoundFixture

import java.time.Duration
import java.time.Instant
import java.time.LocalDate

/**
 * Issue 15, part 3: a tender's receipt time is taken as its request is read off the network, not once Micronaut has
 * found its route. A probe placed between the two (in this spec's context only) lets ten minutes of the service's clock
 * pass there, as a network thread busy routing the requests read before this one lets time pass: a tender read one
 * second before the deadline is received, stamped one second before the deadline.
 */
@MicronautTest(transactional = false)
class ArrivalOnReadSpec extends IntegrationSpec {

    @Inject
    EmbeddedServer server

    @Override
    Map<String, String> getProperties() {
        super.getProperties() + ["levelfield.test.arrival-probe": "true"]
    }

    def "a tender read one second before the deadline is received with that time, however long routing it then took"() {
        given:
        def who = people()
        Instant deadline = Instant.parse("2026-10-15T12:00:00Z")
        clock.set(Instant.parse("2026-09-01T09:00:00Z"))
        def round = approveAndPublish(api("POST", "/api/rounds", who.commissioner, RoundFixture.aRound(deadline)).body, who.commissioner).body.round
        Map lot = round.lots[1]
        clock.set(deadline.minusSeconds(1))

        when: "ten minutes of the clock pass after the request is read and before Micronaut routes it"
        def reply = api("POST", "/api/rounds/$round.id/lots/$lot.id/tenders", who.bidder, RoundFixture.tender(lot, 25_000_000),
                [(TimePassesProbe.HEADER): "600"])

        then:
        reply.status.code == 201
        reply.body.receivedAt == deadline.minusSeconds(1).toString()
        reply.body.receivedAtSource == "REQUEST_ARRIVAL"
        clock.instant() == deadline.plus(Duration.ofMinutes(10)).minusSeconds(1)

        and: "the receipt read later says the same"
        api("GET", "/api/tenders/${reply.body.tenderId}/receipt", who.bidder).body.receivedAt == deadline.minusSeconds(1).toString()
    }

    def "requests pipelined on one connection are each answered, in order"() {
        given:
        def socket = new Socket(server.host, server.port)
        String one = "GET /health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n"
        String two = "GET /api/nothing-here HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"

        when:
        socket.outputStream.write((one + two).getBytes("US-ASCII"))
        socket.outputStream.flush()
        String replies = new String(socket.inputStream.readAllBytes(), "UTF-8")
        socket.close()

        then:
        replies.startsWith("HTTP/1.1 200")
        replies.indexOf("HTTP/1.1 404") > 0
    }

    /**
     * In this spec's context only: a handler placed just before Micronaut's own, after the arrival handler, that moves the
     * test clock on by the seconds a request's header asks for.
     */
    @Singleton
    @Requires(property = "levelfield.test.arrival-probe", value = "true")
    static class TimePassesProbe implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

        static final String HEADER = "X-Test-Time-Passes"

        final MutableClock clock

        TimePassesProbe(MutableClock clock) {
            this.clock = clock
        }

        @Override
        NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
            event.bean.register(new Customizer(null))
            event.bean
        }

        class Customizer implements NettyServerCustomizer {
            final Channel channel

            Customizer(Channel channel) {
                this.channel = channel
            }

            @Override
            NettyServerCustomizer specializeForChannel(Channel channel, NettyServerCustomizer.ChannelRole role) {
                new Customizer(channel)
            }

            @Override
            void onStreamPipelineBuilt() {
                if (channel?.pipeline()?.get("micronaut-inbound-handler") != null) {
                    channel.pipeline().addBefore("micronaut-inbound-handler", "test-time-passes", new ChannelInboundHandlerAdapter() {
                        @Override
                        void channelRead(ChannelHandlerContext context, Object message) {
                            if (message instanceof io.netty.handler.codec.http.HttpRequest && message.headers().contains(HEADER)) {
                                clock.advance(Duration.ofSeconds(message.headers().get(HEADER) as long))
                            }
                            context.fireChannelRead(message)
                        }
                    })
                }
            }
        }
    }
}
