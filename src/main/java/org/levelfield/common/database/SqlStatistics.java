package org.levelfield.common.database;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

/**
 * How many SQL statements {@link Sql} has run and how many rows its queries returned: in all since
 * the service started, and for one piece of work on the current thread ({@link #counting}), which
 * the award benchmark and a spec use to show that an award computation's statement count does not
 * grow with the number of tenders. A JDBC batch counts as one statement. Counting costs one
 * increment per statement.
 */
@Singleton
public class SqlStatistics {

    /** What one piece of work ran: its result, and its statements and rows. */
    public record Counted<T>(T result, long statements, long rows) {
    }

    private final LongAdder statements = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final ThreadLocal<long[]> current = new ThreadLocal<>();

    void counted(long rowsReturned) {
        statements.increment();
        rows.add(rowsReturned);
        long[] mine = current.get();
        if (mine != null) {
            mine[0]++;
            mine[1] += rowsReturned;
        }
    }

    /** Runs the work on this thread and counts the statements it ran (not those of other threads meanwhile). */
    public <T> Counted<T> counting(Supplier<T> work) {
        long[] before = current.get();
        long[] mine = new long[2];
        current.set(mine);
        try {
            T result = work.get();
            return new Counted<>(result, mine[0], mine[1]);
        } finally {
            current.set(before);
            if (before != null) {
                before[0] += mine[0];
                before[1] += mine[1];
            }
        }
    }

    public long statements() {
        return statements.sum();
    }

    public long rows() {
        return rows.sum();
    }
}
