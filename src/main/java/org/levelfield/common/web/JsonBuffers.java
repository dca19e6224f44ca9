package org.levelfield.common.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Where the JSON reader and writer get their working buffers. Jackson's default keeps one set per thread; every request
 * here runs on a virtual thread of its own ({@link RequestThreads}), so that set was made afresh for each body read and
 * each answer written (about 20 KB a request, a fifth of all the anonymous self-check allocated under load, issue 15).
 * The service's JSON factory draws on one pool that every thread shares instead: a thread takes a set while it reads or
 * writes and gives it back afterwards. Copies of the factory (Jackson's views of the object mapper) share the pool too.
 */
@Singleton
public class JsonBuffers implements BeanCreatedEventListener<JsonFactory> {

    @Override
    public JsonFactory onCreated(BeanCreatedEvent<JsonFactory> event) {
        return event.getBean().setRecyclerPool(JsonRecyclerPools.sharedConcurrentDequePool());
    }
}
