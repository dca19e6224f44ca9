package org.levelfield.common.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.AttributeKey;
import jakarta.inject.Singleton;

/**
 * Reads the service clock as each request's head is read off the network: a handler placed straight after the HTTP
 * decoder in every connection's pipeline, on the network thread, before Micronaut finds the request's route and runs its
 * filters. {@link Arrival} takes its stamp from here, so the time a network thread spends routing the requests read
 * before this one (a third of a millisecond each while the JVM is still compiling that code) is not counted against it.
 * <p>
 * The time is kept on the connection, not in the request: nothing a client sends can set it. When a client pipelines
 * requests on one connection, a request whose filters run after the next one was read takes the next one's time (and the
 * next one then its filter's): later than its own arrival, never earlier, and never later than its filters.
 */
@Singleton
public class ArrivalOnRead implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final AttributeKey<Instant> READ = AttributeKey.valueOf("levelfield.arrival.read");
    static final String HANDLER = "levelfield-arrival";
    /** Micronaut's names for the handler that turns bytes into HTTP requests: HTTP/1.1, and an HTTP/2 or 3 stream. */
    private static final String[] DECODERS = {"http-server-codec", "http-decoder"};

    private final Stamp stamp;

    public ArrivalOnRead(Clock clock) {
        this.stamp = new Stamp(clock);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /**
     * When the request's head was read, if it came through a pipeline this placed its handler in. Taken once: a request
     * that reached Micronaut without passing the handler finds nothing, never the time of an earlier request on its
     * connection.
     */
    static Optional<Instant> take(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty && netty.getChannelHandlerContext() != null) {
            return Optional.ofNullable(netty.getChannelHandlerContext().channel().attr(READ).getAndSet(null));
        }
        return Optional.empty();
    }

    private final class Customizer implements NettyServerCustomizer {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(HANDLER) != null) {
                return;
            }
            for (String decoder : DECODERS) {
                if (pipeline.get(decoder) != null) {
                    pipeline.addAfter(decoder, HANDLER, stamp);
                    return;
                }
            }
        }
    }

    @ChannelHandler.Sharable
    static final class Stamp extends ChannelInboundHandlerAdapter {

        private final Clock clock;

        Stamp(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof io.netty.handler.codec.http.HttpRequest) {
                context.channel().attr(READ).set(clock.instant());
            }
            context.fireChannelRead(message);
        }
    }
}
