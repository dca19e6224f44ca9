package org.levelfield.access.web;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.access.AccountLinks;
import org.levelfield.access.Invitations;
import org.levelfield.access.Passwords;
import org.levelfield.access.Registrations;
import org.levelfield.common.web.ProblemException;

/**
 * The pages the links in account emails open: accept an invitation (choose a password, or join an
 * organisation), confirm an email address, ask for and complete a password reset. They call the
 * same use cases as the JSON API. Forms post and redirect; a refused answer shows the GOV.UK error
 * summary and keeps what was typed (never a password). The secret in the link is what authorises
 * each form, so a cross-site request cannot use one it does not know.
 */
@Controller("/account")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class AccountPages {

    private final Invitations invitations;
    private final Passwords passwords;
    private final Registrations registrations;
    private final AccountLinks links;

    public AccountPages(Invitations invitations, Passwords passwords, Registrations registrations, AccountLinks links) {
        this.invitations = invitations;
        this.passwords = passwords;
        this.registrations = registrations;
        this.links = links;
    }

    @Get("/invitation/{secret}")
    public HttpResponse<?> invitation(@PathVariable String secret) {
        return invitationPage(secret, Map.of(), null, HttpStatus.OK);
    }

    @Post(value = "/invitation/{secret}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> accept(@PathVariable String secret, @Nullable @Body Map<String, String> form) {
        Map<String, String> answers = form == null ? Map.of() : form;
        try {
            invitations.accept(secret, answers.get("name"), answers.get("password"));
            return HttpResponse.seeOther(URI.create("/account/done/invitation"));
        } catch (ProblemException refused) {
            return invitationPage(secret, answers, refused, HttpStatus.BAD_REQUEST);
        }
    }

    @Get("/confirm-email/{secret}")
    public HttpResponse<?> confirmPage(@PathVariable String secret) {
        var link = links.bySecret(secret);
        Map<String, Object> model = model("Confirm your email address", null);
        links.problem(link, AccountLinks.Purpose.CONFIRM_EMAIL).ifPresent(p -> model.put("problem", p));
        link.ifPresent(l -> model.put("email", l.email()));
        return page("account/confirm-email", model, model.containsKey("problem") ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
    }

    /** Confirming is a button, not the link itself: mail scanners that open links must not confirm for the person. */
    @Post(value = "/confirm-email/{secret}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> confirm(@PathVariable String secret) {
        try {
            registrations.confirm(secret);
            return HttpResponse.seeOther(URI.create("/account/done/email-confirmed"));
        } catch (ProblemException refused) {
            return confirmPage(secret);
        }
    }

    @Get("/reset-password")
    public HttpResponse<?> resetRequestPage(@Nullable @QueryValue String email) {
        Map<String, Object> model = model("Reset your password", null);
        model.put("email", email);
        return page("account/reset-request", model, HttpStatus.OK);
    }

    @Post(value = "/reset-password", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> requestReset(@Nullable @Body Map<String, String> form) {
        String email = form == null ? null : form.get("email");
        try {
            passwords.requestReset(email);
            return HttpResponse.seeOther(URI.create("/account/done/reset-sent"));
        } catch (ProblemException refused) {
            Map<String, Object> model = model("Reset your password", refused);
            model.put("email", email);
            return page("account/reset-request", model, HttpStatus.BAD_REQUEST);
        }
    }

    @Get("/reset-password/{secret}")
    public HttpResponse<?> resetPage(@PathVariable String secret) {
        return resetPasswordPage(secret, null, HttpStatus.OK);
    }

    @Post(value = "/reset-password/{secret}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> reset(@PathVariable String secret, @Nullable @Body Map<String, String> form) {
        try {
            passwords.reset(secret, form == null ? null : form.get("password"));
            return HttpResponse.seeOther(URI.create("/account/done/password-changed"));
        } catch (ProblemException refused) {
            return resetPasswordPage(secret, refused, HttpStatus.BAD_REQUEST);
        }
    }

    @Get("/done/{what}")
    public HttpResponse<?> done(@PathVariable String what) {
        String[] words = switch (what) {
            case "invitation" -> new String[]{"Your account is ready", "Sign in to Levelfield with your email address and the password you chose."};
            case "email-confirmed" -> new String[]{"Your email address is confirmed",
                    "Sign in to Levelfield with your email address and password, then complete your organisation's profile."};
            case "reset-sent" -> new String[]{"Check your email", Passwords.RESET_SENT};
            case "password-changed" -> new String[]{"Your password has been changed",
                    "Sign in with your new password. Any other sign-ins to your account have ended."};
            default -> null;
        };
        if (words == null) {
            return HttpResponse.notFound();
        }
        Map<String, Object> model = model(words[0], null);
        model.put("message", words[1]);
        return page("account/done", model, HttpStatus.OK);
    }

    private HttpResponse<?> invitationPage(String secret, Map<String, String> answers, ProblemException refused, HttpStatus status) {
        Map<String, Object> model = model("Create your Levelfield account", refused);
        model.put("name", answers.get("name"));
        try {
            Invitations.Preview preview = invitations.preview(secret);
            model.put("preview", preview);
            model.put("role", Optional.ofNullable(preview.role()).map(r -> r.name().toLowerCase(java.util.Locale.UK)).orElse(""));
        } catch (ProblemException unusable) {
            model.put("problem", messageOf(unusable));
            model.put("errors", List.of());
            model.put("fieldErrors", Map.of());
            return page("account/invitation", model, HttpStatus.BAD_REQUEST);
        }
        return page("account/invitation", model, status);
    }

    private HttpResponse<?> resetPasswordPage(String secret, ProblemException refused, HttpStatus status) {
        Map<String, Object> model = model("Choose a new password", refused);
        links.problem(links.bySecret(secret), AccountLinks.Purpose.PASSWORD_RESET).ifPresent(p -> {
            model.put("problem", p);
            model.put("errors", List.of());
            model.put("fieldErrors", Map.of());
        });
        return page("account/reset-password", model, model.containsKey("problem") ? HttpStatus.BAD_REQUEST : status);
    }

    /** A page's model, with the problem's field errors as the GOV.UK error summary and messages need them. */
    static Map<String, Object> model(String title, ProblemException refused) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        Map<String, String> byField = new LinkedHashMap<>();
        if (refused != null) {
            Object listed = refused.extensions().get("errors");
            if (listed instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof ProblemException.FieldError e && !byField.containsKey(e.field())) {
                        byField.put(e.field(), e.message());
                        errors.add(Map.of("field", e.field(), "message", e.message()));
                    }
                }
            } else {
                errors.add(Map.of("field", "main-content", "message", refused.getMessage()));
            }
        }
        model.put("errors", errors);
        model.put("fieldErrors", byField);
        return model;
    }

    private static String messageOf(ProblemException e) {
        return e.extensions().get("errors") instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof ProblemException.FieldError f
                ? f.message() : e.getMessage();
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }
}
