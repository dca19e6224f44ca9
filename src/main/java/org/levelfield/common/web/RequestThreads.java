package org.levelfield.common.web;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.micronaut.context.annotation.Factory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Where a controller runs: {@code @ExecuteOn(RequestThreads.NAME)}. {@link Arrival.OffTheNetworkThread} has already
 * moved every request to a virtual thread of its own; a controller whose request is still on that thread runs there,
 * without a second hop. When a request's body came after its filters had run, Micronaut calls the controller from the
 * network thread that read the body, and the controller is handed to a new virtual thread, as
 * {@code TaskExecutors.BLOCKING} would: a controller may wait for the database and must never block a network thread.
 */
@Factory
public class RequestThreads {

    public static final String NAME = "levelfield-request";

    @Singleton
    @Named(NAME)
    ExecutorService requestThreads(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return new InPlaceOnVirtualThreads(blocking);
    }

    /** Runs a task in place on a virtual thread, and on one of {@code elsewhere}'s threads from any other thread. */
    static final class InPlaceOnVirtualThreads extends AbstractExecutorService {

        private final ExecutorService elsewhere;

        InPlaceOnVirtualThreads(ExecutorService elsewhere) {
            this.elsewhere = elsewhere;
        }

        @Override
        public void execute(Runnable task) {
            if (Thread.currentThread().isVirtual()) {
                task.run();
            } else {
                elsewhere.execute(task);
            }
        }

        // The threads belong to the blocking executor, which Micronaut shuts down itself; this view of it has none.
        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return elsewhere.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return elsewhere.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return elsewhere.awaitTermination(timeout, unit);
        }
    }
}
