package org.levelfield.bidder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.database.Sql;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;

/**
 * The central debarment list (Procurement Act 2023 s62) as the authority records it from the published list: each
 * entry names a supplier by a registration number, its exclusion ground, whether the ground is mandatory or
 * discretionary, when it was entered and when the Minister expects the ground to cease to apply. Eligibility checks
 * read the entries in force for each organisation in a bid (SEL-01 says what an entry means). Entries are never
 * deleted: one taken off the list is marked removed, with why and by whom. Every change is in the audit trail.
 */
@Singleton
public class DebarmentList {

    /** What a person records from the published list. */
    public record EntryCommand(String supplierName, String registrationNumber, String exclusionGround, Boolean mandatory,
                               LocalDate enteredOn, LocalDate ceasesOn, String reference) {
    }

    public record Entry(UUID id, String supplierName, String registrationNumber, String exclusionGround, boolean mandatory,
                        LocalDate enteredOn, LocalDate ceasesOn, String reference, Instant recordedAt, Instant removedAt,
                        String removalReason) {

        /** Whether the entry applies on the day: entered, not yet ceased, not removed. */
        public boolean inForceOn(LocalDate day) {
            return removedAt == null && !enteredOn.isAfter(day) && (ceasesOn == null || !ceasesOn.isBefore(day));
        }
    }

    private final Sql sql;
    private final AuditTrail audit;
    private final Clock clock;

    public DebarmentList(Sql sql, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every entry, newest first, removed ones included (they say when and why they were removed). */
    public List<Entry> all() {
        return sql.query("select * from debarment_entry order by recorded_at desc, id", DebarmentList::entry);
    }

    /** The entries in force today for any of these registration numbers (compared as {@link RegistrationNumbers} does). */
    public List<Entry> inForceFor(Collection<String> numbers) {
        List<String> compared = numbers.stream().map(RegistrationNumbers::compared).filter(Objects::nonNull).distinct().toList();
        if (compared.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockFactory.LONDON);
        return sql.query("select * from debarment_entry where matched_number = any(?) and removed_at is null order by entered_on, id",
                DebarmentList::entry, (Object) compared.toArray(String[]::new)).stream().filter(e -> e.inForceOn(today)).toList();
    }

    @Transactional
    public Entry add(EntryCommand command, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null) {
            throw ProblemException.badInput("body", "an entry of the debarment list is required");
        }
        text(errors, "supplierName", command.supplierName(), 300, "the supplier's name as the list gives it");
        text(errors, "registrationNumber", command.registrationNumber(), 100, "its charity, company or org-id number");
        if (command.registrationNumber() != null && !command.registrationNumber().isBlank()
                && RegistrationNumbers.compared(command.registrationNumber()) == null) {
            errors.add(new FieldError("registrationNumber", "must contain letters or digits, like 01234567 or GB-COH-01234567"));
        }
        text(errors, "exclusionGround", command.exclusionGround(), 500, "the exclusion ground, as the list gives it (for example \"Sch 6 para 7: fraud\")");
        if (command.mandatory() == null) {
            errors.add(new FieldError("mandatory", "is required: true for a mandatory ground (an excluded supplier), false for a discretionary one"));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockFactory.LONDON);
        if (command.enteredOn() == null) {
            errors.add(new FieldError("enteredOn", "is required: the date the supplier was entered on the list (YYYY-MM-DD)"));
        } else if (command.enteredOn().isAfter(today)) {
            errors.add(new FieldError("enteredOn", "must not be in the future: record an entry once it is on the list"));
        } else if (command.enteredOn().isBefore(LocalDate.of(2025, 2, 24))) {
            errors.add(new FieldError("enteredOn", "must be on or after 24 February 2025, when the Procurement Act 2023 and its debarment list began"));
        }
        if (command.ceasesOn() != null && command.enteredOn() != null && command.ceasesOn().isBefore(command.enteredOn())) {
            errors.add(new FieldError("ceasesOn", "must be on or after the date of entry"));
        } else if (command.ceasesOn() != null && command.enteredOn() != null && command.ceasesOn().isAfter(command.enteredOn().plusYears(5))) {
            errors.add(new FieldError("ceasesOn", "must be within five years of the date of entry: an exclusion ground lasts at most five years"));
        }
        if (command.reference() != null && command.reference().length() > 300) {
            errors.add(new FieldError("reference", "must be at most 300 characters; it is " + command.reference().length()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        sql.update("""
                insert into debarment_entry(id, supplier_name, registration_number, matched_number, exclusion_ground, mandatory, entered_on,
                                            ceases_on, reference, recorded_at, recorded_by) values (?,?,?,?,?,?,?,?,?,?,?)""",
                id, command.supplierName().strip(), command.registrationNumber().strip(), RegistrationNumbers.compared(command.registrationNumber()),
                command.exclusionGround().strip(), command.mandatory(), command.enteredOn(), command.ceasesOn(),
                command.reference() == null || command.reference().isBlank() ? null : command.reference().strip(), Timestamp.from(now), actor.userId());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("supplier", command.supplierName().strip());
        detail.put("registrationNumber", command.registrationNumber().strip());
        detail.put("mandatory", command.mandatory());
        detail.put("enteredOn", command.enteredOn().toString());
        audit.append("DEBARMENT_ENTRY_RECORDED", null, actor.userId(), "debarment-entry:" + id, detail);
        return find(id);
    }

    /** Marks an entry removed from the list (after a review or an appeal, or in error), with the reason; it then applies to no one. */
    @Transactional
    public Entry remove(UUID id, String reason, Actor actor) {
        Entry entry = sql.one("select * from debarment_entry where id = ? for update", DebarmentList::entry, id)
                .orElseThrow(() -> ProblemException.notFound("debarment list entry", id));
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badInput("reason", "is required: why the entry is no longer on the list (for example \"removed on review, s64\")");
        }
        if (reason.length() > 1000) {
            throw ProblemException.badInput("reason", "must be at most 1,000 characters; it is " + reason.length());
        }
        if (entry.removedAt() != null) {
            throw ProblemException.wrongState("This entry was already removed on " + entry.removedAt() + ".", "ALREADY_REMOVED", List.of());
        }
        sql.update("update debarment_entry set removed_at = ?, removed_by = ?, removal_reason = ? where id = ?",
                Timestamp.from(clock.instant()), actor.userId(), reason.strip(), id);
        audit.append("DEBARMENT_ENTRY_REMOVED", null, actor.userId(), "debarment-entry:" + id, Map.of("reason", reason.strip()));
        return find(id);
    }

    private Entry find(UUID id) {
        return sql.one("select * from debarment_entry where id = ?", DebarmentList::entry, id).orElseThrow();
    }

    private static void text(List<FieldError> errors, String field, String value, int most, String what) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required: " + what));
        } else if (value.length() > most) {
            errors.add(new FieldError(field, "must be at most " + most + " characters; it is " + value.length()));
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Timestamp removed = rs.getTimestamp("removed_at");
        return new Entry(rs.getObject("id", UUID.class), rs.getString("supplier_name"), rs.getString("registration_number"),
                rs.getString("exclusion_ground"), rs.getBoolean("mandatory"), rs.getObject("entered_on", LocalDate.class),
                rs.getObject("ceases_on", LocalDate.class), rs.getString("reference"), rs.getTimestamp("recorded_at").toInstant(),
                removed == null ? null : removed.toInstant(), rs.getString("removal_reason"));
    }
}
