package org.levelfield.award.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.levelfield.award.model.Standstill;
import org.levelfield.common.web.FieldChecks;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.ProblemException.FieldError;

/**
 * The standstill period for a contract award notice published on a given day, computed under the
 * Procurement Act 2023, the 2015 or 2006 regulations (none was required before 2006) or the Provider Selection
 * Regime (PSR), with every day skipped and why. Open to anyone.
 */
@Controller("/api/standstill")
@Secured(SecurityRule.IS_ANONYMOUS)
public class StandstillController {

    @Get
    public Standstill.Period compute(@Nullable @QueryValue String regime, @Nullable @QueryValue String published,
                                     @Nullable @QueryValue Boolean mandatory) {
        List<FieldError> errors = new ArrayList<>();
        FieldChecks.oneOf(errors, "regime", regime, List.of("PA_2023", "PCR_2015", "PCR_2006", "PRE_2006", "PSR"));
        LocalDate date = null;
        try {
            date = published == null ? null : LocalDate.parse(published);
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (date == null) {
            errors.add(new FieldError("published", "the day the contract award notice is (or was) published, as YYYY-MM-DD"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badInput(errors);
        }
        Standstill.Regime r = Standstill.Regime.valueOf(regime);
        boolean required = Standstill.mandatoryFor(r, false) && (mandatory == null || mandatory);
        return Standstill.compute(r, required, date);
    }
}
