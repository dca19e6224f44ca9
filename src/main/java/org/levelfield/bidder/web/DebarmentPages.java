package org.levelfield.bidder.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.bidder.DebarmentList;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Dates;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;

/**
 * The debarment list as a page, for commissioners and admins: the entries recorded from the published list (in force,
 * ceased or removed), a form to record one, and a button on each to mark it removed with a reason.
 */
@Controller("/manage/debarment-list")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class DebarmentPages {

    private static final Map<String, String> FIELDS = Map.of("enteredOn", "enteredOn", "ceasesOn", "ceasesOn");

    private final DebarmentList list;
    private final java.time.Clock clock;

    public DebarmentPages(DebarmentList list, java.time.Clock clock) {
        this.list = list;
        this.clock = clock;
    }

    @Get
    public HttpResponse<?> page(HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Map<String, Object> model = model(Map.of());
        model.put("done", request.getParameters().contains("recorded") ? "The entry is recorded. Eligibility checks from now on read it."
                : request.getParameters().contains("removed") ? "The entry is marked removed. It applies to no one from now on." : null);
        return Page.render("manage/debarment-list", model);
    }

    private Map<String, Object> model(Map<String, Object> typed) {
        Map<String, Object> model = Page.model("The debarment list");
        model.put("entries", list.all());
        model.put("today", LocalDate.ofInstant(clock.instant(), org.levelfield.common.time.ClockFactory.LONDON));
        model.put("typed", typed);
        return model;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> record(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Form f = Form.read(request, body);
        Map<String, Object> model = model(f.typed());
        Dates.Read entered = Dates.of(f.text("enteredOn-day"), f.text("enteredOn-month"), f.text("enteredOn-year"), "the date of entry");
        if (!entered.ok()) {
            Page.error(model, "enteredOn", entered.problem());
        }
        Dates.Read ceases = Dates.of(f.text("ceasesOn-day"), f.text("ceasesOn-month"), f.text("ceasesOn-year"), "the date the ground ceases to apply");
        if (!ceases.ok()) {
            Page.error(model, "ceasesOn", ceases.problem());
        }
        if (f.text("ground") == null || !java.util.List.of("MANDATORY", "DISCRETIONARY").contains(f.text("ground"))) {
            Page.error(model, "ground", "Select whether the exclusion ground is mandatory or discretionary");
        }
        if (Page.hasErrors(model)) {
            return Page.render("manage/debarment-list", model, HttpStatus.BAD_REQUEST);
        }
        try {
            list.add(new DebarmentList.EntryCommand(f.text("supplierName"), f.text("registrationNumber"), f.text("exclusionGround"),
                    "MANDATORY".equals(f.text("ground")), entered.date(), ceases.date(), f.text("reference")), actor);
            return Page.redirect("/manage/debarment-list?recorded=1");
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> FIELDS.getOrDefault(field, field.equals("mandatory") ? "ground" : field));
            return Page.render("manage/debarment-list", model, HttpStatus.BAD_REQUEST);
        }
    }

    @Post(value = "/{id}/removal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> remove(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Form f = Form.read(request, body);
        UUID entryId;
        try {
            entryId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("debarment list entry", id);
        }
        try {
            list.remove(entryId, f.text("reason-" + id), actor);
            return Page.redirect("/manage/debarment-list?removed=1");
        } catch (ProblemException refused) {
            Map<String, Object> model = model(f.typed());
            Page.refused(model, refused, field -> field.equals("reason") ? "reason-" + id : field);
            return Page.render("manage/debarment-list", model, HttpStatus.BAD_REQUEST);
        }
    }
}
