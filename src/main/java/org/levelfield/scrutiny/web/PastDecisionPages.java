package org.levelfield.scrutiny.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.scrutiny.PastDecisions;

/**
 * Past decisions as pages, for scrutiny members and admins: the records entered so far and a form to enter one (a
 * JSON file, or the JSON pasted), and each record with its reviews under the law of its own dates.
 */
@Controller("/scrutiny/past-decisions")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class PastDecisionPages {

    private static final int MOST_BYTES = 2 * 1024 * 1024;

    private final PastDecisions past;

    public PastDecisionPages(PastDecisions past) {
        this.past = past;
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        return Page.render("scrutiny/past-decisions", listModel());
    }

    private Map<String, Object> listModel() {
        Map<String, Object> model = Page.model("Past decisions");
        model.put("records", past.list());
        return model;
    }

    /** Enters a record from an uploaded JSON file or pasted JSON, reviews it and shows the review; a refusal stores nothing. */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> enter(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable CompletedFileUpload file,
                                 @Nullable String record, @Nullable String formToken) {
        Actor actor = Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        Form.requireToken(request, formToken);
        Map<String, Object> model = listModel();
        String body;
        String field;
        try {
            if (file != null && file.getSize() > 0) {
                if (file.getSize() > MOST_BYTES) {
                    Page.error(model, "file", "The file must be smaller than 2 MB");
                    return Page.render("scrutiny/past-decisions", model, io.micronaut.http.HttpStatus.BAD_REQUEST);
                }
                body = new String(file.getBytes(), StandardCharsets.UTF_8);
                field = "file";
            } else if (record != null && !record.isBlank()) {
                body = record;
                field = "record";
                model.put("record", record);
            } else {
                Page.error(model, "file", "Select the JSON file of the past round, or paste its JSON");
                return Page.render("scrutiny/past-decisions", model, io.micronaut.http.HttpStatus.BAD_REQUEST);
            }
        } catch (java.io.IOException unreadable) {
            Page.error(model, "file", "The file could not be read. Try again");
            return Page.render("scrutiny/past-decisions", model, io.micronaut.http.HttpStatus.BAD_REQUEST);
        }
        try {
            PastDecisions.Entered entered = past.enter(past.read(body), actor);
            return Page.redirect("/scrutiny/past-decisions/" + entered.id());
        } catch (ProblemException refused) {
            // every problem is reported against the control the JSON came from, with the field of the JSON it is about
            if (refused.extensions().get("errors") instanceof java.util.List<?> errors && !errors.isEmpty()) {
                var each = errors.stream().filter(ProblemException.FieldError.class::isInstance).map(ProblemException.FieldError.class::cast)
                        .map(e -> e.field() + " " + e.message()).toList();
                Page.error(model, field, (each.size() == 1 ? "In the JSON, " : "In the JSON, " + each.size() + " things need fixing: ")
                        + String.join("; ", each));
            } else {
                Page.error(model, field, refused.getMessage());
            }
            return Page.render("scrutiny/past-decisions", model, io.micronaut.http.HttpStatus.BAD_REQUEST);
        }
    }

    @Get("/{id}")
    public HttpResponse<?> record(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        PastDecisions.Entered entered = past.find(uuid(id)).orElseThrow(() -> ProblemException.notFound("past decision", id));
        Map<String, Object> model = Page.model("Past decision: " + entered.title());
        model.put("entered", entered);
        model.put("facts", PastDecisions.facts(entered.record()));
        model.put("review", entered.reviews().isEmpty() ? null : entered.reviews().getFirst());
        return Page.render("scrutiny/past-decision", model);
    }

    @Post(value = "/{id}/review", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> review(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable String formToken) {
        Actor actor = Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        Form.requireToken(request, formToken);
        UUID recordId = uuid(id);
        past.review(recordId, actor);
        return Page.redirect("/scrutiny/past-decisions/" + recordId);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("past decision", text);
        }
    }
}
