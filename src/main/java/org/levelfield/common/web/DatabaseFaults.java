package org.levelfield.common.web;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Database failures that are not faults in the service: two requests racing for the same unique thing (one wins, the
 * other is told so, 409), and the database being away (503, try again shortly). Everything else stays a 500.
 */
public final class DatabaseFaults {

    /** What a person is told when a unique constraint turns the loser of a race away, by constraint. */
    private static final Map<String, String> RACES = Map.of(
            "tender_one_live_per_lot", "Your organisation already has a live tender for this lot: another request sent one at the same moment. "
                    + "Open your tenders to see its receipt; revise it or withdraw it to send a different one.",
            "tender_one_draft_per_lot", "Your organisation already has a draft for this lot: another request saved one at the same moment. Reload it.");

    public enum Kind { RACE, UNAVAILABLE }

    public record Fault(Kind kind, String message) {
    }

    private DatabaseFaults() {
    }

    public static Optional<Fault> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof io.micronaut.data.connection.exceptions.ConnectionException) {
                return Optional.of(unavailable());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                String constraint = t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                        ? p.getServerErrorMessage().getConstraint() : null;
                // Two audit entries with one number would be a fault in the service (appends are serialised), not a race.
                if (state.equals("23505") && !"audit_entry_pkey".equals(constraint)) {
                    return Optional.of(new Fault(Kind.RACE, RACES.getOrDefault(constraint,
                            "Another request did the same thing at the same moment and only one could succeed. Reload to see where things stand.")));
                }
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
                    return Optional.of(unavailable());
                }
            }
        }
        return Optional.empty();
    }

    public static Fault unavailable() {
        return new Fault(Kind.UNAVAILABLE, "Levelfield cannot reach its database just now, so nothing was changed. Try again in a few seconds.");
    }
}
