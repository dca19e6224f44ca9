package org.levelfield.bidder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.database.JsonColumns;
import org.levelfield.common.database.Sql;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException.FieldError;

/** Organisation profiles in PostgreSQL, checked field by field before anything is stored. */
@Singleton
public class OrganisationProfiles {

    static final Pattern CHARITY_NUMBER = Pattern.compile("\\d{6,8}(-\\d{1,2})?");
    static final Pattern COMPANY_NUMBER = Pattern.compile("[A-Z]{2}\\d{6}|\\d{8}");

    private final Sql sql;
    private static final TypeReference<List<OrganisationProfile.Experience>> EXPERIENCE = new TypeReference<>() {
    };

    private final JsonColumns json;
    private final Clock clock;

    public OrganisationProfiles(Sql sql, JsonColumns json, Clock clock) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    public Optional<OrganisationProfile> find(UUID id) {
        return sql.one("select * from organisation where id = ?", this::row, id);
    }

    /** The profiles of these organisations, read in one query, by id. */
    public Map<UUID, OrganisationProfile> findAll(java.util.Collection<UUID> ids) {
        Map<UUID, OrganisationProfile> found = new java.util.HashMap<>();
        sql.query("select * from organisation where id = any(?)", this::row, (Object) ids.stream().distinct().toArray(UUID[]::new))
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    private OrganisationProfile row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OrganisationProfile(rs.getObject("id", UUID.class),
                rs.getString("name"), rs.getString("legal_form"), rs.getString("registration_number"), rs.getString("charity_number"),
                rs.getString("company_number"), (Long) rs.getObject("income_pence"), (Long) rs.getObject("balance_sheet_pence"),
                (Integer) rs.getObject("staff_headcount"), rs.getString("accounts_type"), (Boolean) rs.getObject("insurance_held"),
                (Boolean) rs.getObject("insurance_undertaking"), experience(rs.getString("experience")),
                Sql.instant(rs, "profile_updated_at"), (Long) rs.getObject("reserves_pence"), rs.getString("funder_letter"),
                (Boolean) rs.getObject("linked_enterprises"), rs.getString("group_parent"), rs.getString("equality_evidence"),
                (Boolean) rs.getObject("ehrc_action"));
    }

    @Transactional
    public OrganisationProfile update(UUID id, OrganisationProfile p) {
        find(id).orElseThrow(() -> ProblemException.notFound("organisation", id));
        validate(p);
        refuseNumbersOfAnother(id, p.registrationNumber(), p.charityNumber(), p.companyNumber());
        sql.update("""
                update organisation set name = ?, legal_form = ?, registration_number = ?, charity_number = ?, company_number = ?,
                       income_pence = ?, balance_sheet_pence = ?, staff_headcount = ?, accounts_type = ?, insurance_held = ?,
                       insurance_undertaking = ?, experience = cast(? as jsonb), profile_updated_at = ?, reserves_pence = ?, funder_letter = ?,
                       linked_enterprises = ?, group_parent = ?, equality_evidence = ?, ehrc_action = ?
                where id = ?""",
                p.name().strip(), p.legalForm(), upper(p.registrationNumber()), p.charityNumber(), upper(p.companyNumber()), p.incomePence(),
                p.balanceSheetPence(), p.staffHeadcount(), p.accountsType(), p.insuranceHeld(), p.insuranceUndertaking(),
                write(p.experience() == null ? List.of() : p.experience()), clock.instant(), p.reservesPence(),
                p.funderLetter() == null || p.funderLetter().isBlank() ? null : p.funderLetter().strip(), p.linkedEnterprises(),
                p.groupParent() == null || p.groupParent().isBlank() ? null : p.groupParent().strip(), p.equalityEvidence(), p.ehrcAction(), id);
        return find(id).orElseThrow();
    }

    /**
     * A registration number belongs to one organisation: refuses (409) a number another organisation
     * already holds, without saying which organisation that is.
     */
    public void refuseNumbersOfAnother(UUID self, String registrationNumber, String charityNumber, String companyNumber) {
        numberHeldByAnother(self, registrationNumber, charityNumber, companyNumber).ifPresent(number -> {
            throw ProblemException.wrongState("The " + number + " is already registered to another organisation on Levelfield. "
                    + "If that organisation is yours, ask one of its members to invite you (they can do it from their organisation's members page). "
                    + "If you think the number has been used wrongly, contact the Levelfield administrator.", "NUMBER_REGISTERED", List.of("ask for an invitation"));
        });
    }

    /** Which of these numbers another organisation (not {@code self}, which may be null) already holds, as words. */
    public Optional<String> numberHeldByAnother(UUID self, String registrationNumber, String charityNumber, String companyNumber) {
        String[][] checks = {{"registration_number", upper(registrationNumber), "registration number"},
                {"charity_number", upper(charityNumber), "charity number"}, {"company_number", upper(companyNumber), "company number"}};
        for (String[] check : checks) {
            if (check[1] != null && sql.one("select 1 from organisation where upper(" + check[0] + ") = ? and id is distinct from ?",
                    rs -> 1, check[1], self).isPresent()) {
                return Optional.of(check[2] + " " + check[1]);
            }
        }
        return Optional.empty();
    }

    /** Checks the format of registration numbers (for sign-up, as for the profile). */
    public static void checkNumbers(List<FieldError> errors, String registrationNumber, String charityNumber, String companyNumber) {
        format(errors, "registrationNumber", upper(registrationNumber), Codes.ORG_ID, Codes.ORG_ID_EXAMPLE);
        format(errors, "charityNumber", charityNumber == null ? null : charityNumber.strip(), CHARITY_NUMBER, "a Charity Commission number of 6 to 8 digits, e.g. 1190001");
        format(errors, "companyNumber", upper(companyNumber), COMPANY_NUMBER, "a Companies House number of 8 characters, e.g. 01234567 or SC123456");
    }

    private static void validate(OrganisationProfile p) {
        List<FieldError> errors = new ArrayList<>();
        if (p == null) {
            throw ProblemException.badInput("body", "a profile is required");
        }
        if (p.name() == null || p.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        FieldChecks.oneOf(errors, "legalForm", p.legalForm(), Codes.LEGAL_FORMS);
        if (p.accountsType() != null) {
            FieldChecks.oneOf(errors, "accountsType", p.accountsType(), Codes.ACCOUNTS_TYPES);
        }
        checkNumbers(errors, p.registrationNumber(), p.charityNumber(), p.companyNumber());
        if (p.incomePence() != null && p.incomePence() < 0) {
            errors.add(new FieldError("incomePence", "must be zero or more pence"));
        }
        if (p.staffHeadcount() != null && p.staffHeadcount() < 0) {
            errors.add(new FieldError("staffHeadcount", "must be zero or more"));
        }
        if (p.reservesPence() != null && p.reservesPence() < 0) {
            errors.add(new FieldError("reservesPence", "must be zero or more pence"));
        }
        if (p.equalityEvidence() != null) {
            FieldChecks.oneOf(errors, "equalityEvidence", p.equalityEvidence(), Codes.EQUALITY_EVIDENCE);
        }
        if (p.groupParent() != null && p.groupParent().length() > 300) {
            errors.add(new FieldError("groupParent", "must be at most 300 characters; it is " + p.groupParent().length()));
        }
        if (p.funderLetter() != null && p.funderLetter().length() > 2000) {
            errors.add(new FieldError("funderLetter", "must be at most 2,000 characters; it is " + p.funderLetter().length()));
        }
        List<OrganisationProfile.Experience> experience = p.experience() == null ? List.of() : p.experience();
        for (int i = 0; i < experience.size(); i++) {
            var e = experience.get(i);
            if (e == null || e.description() == null || e.description().isBlank()) {
                errors.add(new FieldError("experience[" + i + "].description", "is required"));
                continue;
            }
            FieldChecks.oneOf(errors, "experience[" + i + "].kind", e.kind(), Codes.EXPERIENCE_KINDS);
            if (e.fromYear() != null && (e.fromYear() < 1900 || e.fromYear() > 2100)) {
                errors.add(new FieldError("experience[" + i + "].fromYear", "must be a year from 1900 to 2100, like 2019"));
            }
            if (e.toYear() != null && (e.toYear() < 1900 || e.toYear() > 2100)) {
                errors.add(new FieldError("experience[" + i + "].toYear", "must be a year from 1900 to 2100, like 2023, or left out while the work runs"));
            } else if (e.toYear() != null && e.fromYear() != null && e.toYear() < e.fromYear()) {
                errors.add(new FieldError("experience[" + i + "].toYear", "must be the year the work started (" + e.fromYear() + ") or later"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
    }

    private static void format(List<FieldError> errors, String field, String value, Pattern pattern, String expected) {
        if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, "'" + value + "' is not " + expected));
        }
    }


    static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(java.util.Locale.UK);
    }

    private List<OrganisationProfile.Experience> experience(String text) {
        return text == null ? List.of() : json.read(text, EXPERIENCE);
    }

    private String write(Object value) {
        return json.write(value);
    }
}
