package org.levelfield.monitoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Page;
import org.levelfield.monitoring.MonitoringReturn;
import org.levelfield.monitoring.MonitoringReturns;
import org.levelfield.round.model.Characteristic;

/**
 * The monitoring questions on their own page: who the organisation is led by and serves, with
 * "prefer not to say" and consent to publish. Kept apart from the profile and never read by an
 * eligibility or scoring rule (MonitoringIsolationSpec).
 */
@Controller
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class MonitoringPages {

    private final MonitoringReturns monitoring;
    private final Labels labels;

    public MonitoringPages(MonitoringReturns monitoring, Labels labels) {
        this.monitoring = monitoring;
        this.labels = labels;
    }

    @Get("/organisation/monitoring")
    public HttpResponse<?> monitoringPage(HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.member(authentication, request);
        Map<String, Object> model = Page.model("About the people your organisation is led by and serves");
        Map<String, Object> typed = new LinkedHashMap<>();
        monitoring.find(actor.organisationId()).ifPresent(r -> {
            for (var a : r.identityAnswers()) {
                if (Boolean.TRUE.equals(a.asked()) && a.reply() != null) {
                    typed.put(a.about() + "-" + a.characteristic(), a.reply());
                }
            }
            typed.put("profileFlags", r.profileFlags());
            typed.put("consentToPublish", r.consentToPublish() == null ? null : r.consentToPublish() ? "yes" : "no");
        });
        model.put("typed", typed);
        return Page.render("bidder/monitoring", monitoringModel(model));
    }

    @Post(value = "/organisation/monitoring", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveMonitoring(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.member(authentication, request);
        Map<String, Object> model = Page.model("About the people your organisation is led by and serves");
        model.put("typed", Form.of(body).typed());
        try {
            Form f = Form.read(request, body);
            List<MonitoringReturn.IdentityAnswer> answers = new ArrayList<>();
            for (String about : MonitoringReturn.ABOUT) {
                for (Characteristic c : Characteristic.values()) {
                    String reply = f.text(about + "-" + c.name());
                    if (reply != null && !MonitoringReturn.REPLIES.contains(reply)) {
                        Page.error(model, about + "-" + c.name(), "Select yes, no or prefer not to say");
                    }
                    answers.add(new MonitoringReturn.IdentityAnswer(about, c.name(), reply != null, reply, null));
                }
            }
            if (f.yesNo("consentToPublish") == null) {
                Page.error(model, "consentToPublish", "Select yes if your answers may count in published totals");
            }
            if (Page.hasErrors(model)) {
                return Page.render("bidder/monitoring", monitoringModel(model));
            }
            monitoring.save(actor.organisationId(), new MonitoringReturn(actor.organisationId(), answers, f.list("profileFlags"),
                    f.yesNo("consentToPublish"), null), actor);
            return Page.redirect("/organisation?saved=monitoring");
        } catch (ProblemException refused) {
            return Page.render("bidder/monitoring", monitoringModel(Page.refused(model, refused,
                    f -> f.startsWith("profileFlags") ? "profileFlags" : f)));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> monitoringModel(Map<String, Object> model) {
        Object flagsTyped = ((Map<String, Object>) model.get("typed")).get("profileFlags");
        model.put("flagValues", flagsTyped instanceof List<?> l ? l : flagsTyped == null ? List.of() : List.of(flagsTyped));
        model.put("abouts", MonitoringReturn.ABOUT);
        model.put("replies", List.of(new Labels.Option("YES", "Yes", null), new Labels.Option("NO", "No", null),
                new Labels.Option("PREFER_NOT_TO_SAY", "Prefer not to say", null)));
        model.put("characteristics", labels.options("CHARACTERISTIC"));
        model.put("flags", List.of(new Labels.Option("WOMEN_LED", "Women-led", null),
                new Labels.Option("BME_LED", "Led by Black and minoritised people", null),
                new Labels.Option("DISABLED_PEOPLES_ORGANISATION", "Deaf or disabled people's organisation", null),
                new Labels.Option("BY_AND_FOR", "By and for: run by the community it serves", null),
                new Labels.Option("USER_LED", "Led by people who use its services", null),
                new Labels.Option("LGBT_LED", "Led by LGBT+ people", null)));
        return model;
    }

}
