package org.levelfield.common.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool opens two connections as the service starts ({@code datasources.default.minimum-idle}), so that
 * the service is ready sooner on a small machine, and is then kept full: once the server is up, the pool's minimum is
 * raised to its size ({@code maximum-pool-size}), and the pool opens the rest in the background within its next
 * housekeeping round (at most 30 s) and keeps them open. A crowd of bidders at a deadline, however long the service has
 * been quiet before, meets a full pool.
 */
@Singleton
public class PoolFill implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PoolFill.class);

    private final DataSource dataSource;

    public PoolFill(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent started) {
        if (DelegatingDataSource.unwrapDataSource(dataSource) instanceof HikariDataSource pool) {
            int size = pool.getMaximumPoolSize();
            pool.getHikariConfigMXBean().setMinimumIdle(size);
            LOG.debug("The connection pool is kept at {} connections from now on", size);
        }
    }

    /** The pool's minimum now: its size once the server is up. */
    public int minimumIdle() {
        return DelegatingDataSource.unwrapDataSource(dataSource) instanceof HikariDataSource pool ? pool.getMinimumIdle() : -1;
    }
}
