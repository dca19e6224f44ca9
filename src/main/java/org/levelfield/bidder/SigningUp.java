package org.levelfield.bidder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.access.Accounts;
import org.levelfield.access.EmailAddresses;
import org.levelfield.access.PasswordPolicy;
import org.levelfield.access.Registrations;
import org.levelfield.common.database.Sql;
import org.levelfield.common.time.ClockFactory;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;

/**
 * A bidding organisation signs itself up: its name, legal form and registration numbers, and the
 * person registering as its first member. Numbers are checked for format and must not belong to an
 * organisation already here (the person is told to ask that organisation for an invitation). An
 * email address that already has an account gets the same answer as a new one, so nobody can find
 * out who has an account; its owner is told by email instead.
 */
@Singleton
public class SigningUp {

    public record Registration(String organisationName, String legalForm, String registrationNumber, String charityNumber,
                               String companyNumber, String name, String email, String password) {
    }

    private final Sql sql;
    private final OrganisationProfiles profiles;
    private final Accounts accounts;
    private final Registrations registrations;
    private final Clock clock;

    public SigningUp(Sql sql, OrganisationProfiles profiles, Accounts accounts, Registrations registrations, Clock clock) {
        this.sql = sql;
        this.profiles = profiles;
        this.accounts = accounts;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** Returns what to tell the person (the same whether or not their address already has an account). */
    @Transactional
    public String register(Registration r) {
        validate(r);
        profiles.refuseNumbersOfAnother(null, r.registrationNumber(), r.charityNumber(), r.companyNumber());
        String email = Accounts.normaliseEmail(r.email());
        if (accounts.byEmail(email).isPresent()) {
            registrations.alreadyRegistered(email);
            return Registrations.CHECK_EMAIL.formatted(email);
        }
        UUID id = UUID.randomUUID();
        sql.update("""
                insert into organisation(id, name, registration_number, charity_number, company_number, legal_form, created_at)
                values (?,?,?,?,?,?,?)""", id, r.organisationName().strip(), OrganisationProfiles.upper(r.registrationNumber()),
                blankToNull(r.charityNumber()), OrganisationProfiles.upper(r.companyNumber()), r.legalForm().strip(),
                ClockFactory.stored(clock.instant()));
        registrations.registerFirstMember(id, r.organisationName().strip(), r.name().strip(), email, r.password());
        return Registrations.CHECK_EMAIL.formatted(email);
    }

    private static void validate(Registration r) {
        if (r == null) {
            throw ProblemException.badInput("body", "Give the organisation's name, legal form and registration numbers, and your name, email address and password");
        }
        List<FieldError> errors = new ArrayList<>();
        if (r.organisationName() == null || r.organisationName().isBlank()) {
            errors.add(new FieldError("organisationName", "Enter the organisation's name"));
        } else if (r.organisationName().strip().length() > 300) {
            errors.add(new FieldError("organisationName", "The organisation's name must be 300 characters or fewer"));
        }
        FieldChecks.oneOf(errors, "legalForm", r.legalForm() == null ? null : r.legalForm().strip(), Codes.LEGAL_FORMS);
        OrganisationProfiles.checkNumbers(errors, r.registrationNumber(), r.charityNumber(), r.companyNumber());
        if (blankToNull(r.registrationNumber()) == null && blankToNull(r.charityNumber()) == null && blankToNull(r.companyNumber()) == null
                && !"UNINCORPORATED".equals(r.legalForm())) {
            errors.add(new FieldError("registrationNumber", "Enter at least one registration number: the org-id (" + Codes.ORG_ID_EXAMPLE
                    + "), the charity number or the company number. Only unincorporated groups may have none"));
        }
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new FieldError("name", "Enter your full name"));
        } else if (r.name().strip().length() > 200) {
            errors.add(new FieldError("name", "Your name must be 200 characters or fewer"));
        }
        EmailAddresses.check(errors, "email", r.email());
        PasswordPolicy.problem(r.password(), r.email(), r.name()).ifPresent(p -> errors.add(new FieldError("password", p)));
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
