package org.levelfield.access.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.SameSite;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.access.SessionAuthentication;
import org.levelfield.access.SignInController;
import org.levelfield.access.SigningIn;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.common.web.pages.PageCookies;

/**
 * Signing in and out of the pages. The session is the same as the API's (access/SigningIn, checked
 * against the database on every request); its token lives in an HttpOnly, SameSite=Lax cookie that
 * the API never reads. "Stay signed in" swaps a session about to end for a fresh one.
 */
@Controller
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class SignInPages {

    private final SigningIn signingIn;

    public SignInPages(SigningIn signingIn) {
        this.signingIn = signingIn;
    }

    @Get("/sign-in")
    public HttpResponse<?> page(@Nullable @QueryValue String next, @Nullable @QueryValue String signedOut) {
        Map<String, Object> model = Page.model("Sign in to Levelfield");
        model.put("next", Page.localPath(next));
        if ("form".equals(signedOut)) {
            model.put("notice", "You were signed out, so the answer you sent was not saved. Sign in, then send it again.");
        } else if ("yes".equals(signedOut)) {
            model.put("notice", "You have signed out.");
        } else if ("ended".equals(signedOut)) {
            model.put("notice", "Your session ended, so you need to sign in again. Anything you saved is kept.");
        }
        return Page.render("access/sign-in", model);
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
        Map<String, Object> model = Page.model("Sign in to Levelfield");
        Form typed = Form.of(body);
        model.put("next", Page.localPath(typed.text("next")));
        model.put("typed", Map.of("email", typed.text("email") == null ? "" : typed.text("email")));
        List<Map.Entry<String, String>> kept = kept(typed);
        String resendTo = resendTo(kept, typed.text("resendTo"));
        if (resendTo != null) {
            model.put("resendTo", resendTo);
            model.put("kept", kept);
            model.put("notice", "You were signed out, so your answers have not been saved yet. Sign in and you can send them again: nothing you typed is lost.");
        }
        try {
            Form form = Form.read(request, body);
            if (!form.has("email")) {
                Page.error(model, "email", "Enter your email address");
            }
            if (!form.has("password")) {
                Page.error(model, "password", "Enter your password");
            }
            if (Page.hasErrors(model)) {
                return Page.render("access/sign-in", model);
            }
            return switch (signingIn.signIn(form.text("email"), form.list("password").getFirst(), SignInController.addressOf(request))) {
                case SigningIn.SignedIn s when resendTo != null -> {
                    Map<String, Object> resend = Page.model("Send your answers again");
                    resend.put("resendTo", resendTo);
                    resend.put("kept", kept);
                    resend.put("next", Page.localPath(form.text("next")));
                    yield withSession(request, Page.render("access/resend", resend), s);
                }
                case SigningIn.SignedIn s -> withSession(request, Page.redirect(landing(s, Page.localPath(form.text("next")))), s);
                case SigningIn.Refused r -> {
                    Page.error(model, "email", r.message());
                    yield Page.render("access/sign-in", model);
                }
                case SigningIn.Throttled t -> {
                    long minutes = Math.max(1, Duration.between(Instant.now(), t.retryAt()).toMinutes() + 1);
                    Page.error(model, "email", "Too many tries to sign in. Wait " + minutes + " minutes, then try again, or reset your password.");
                    yield Page.render("access/sign-in", model, io.micronaut.http.HttpStatus.TOO_MANY_REQUESTS);
                }
            };
        } catch (ProblemException refused) {
            return Page.render("access/sign-in", Page.refused(model, refused));
        }
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        try {
            Form.read(request, body);
        } catch (ProblemException refused) {
            return Page.redirect("/");
        }
        if (authentication != null) {
            SessionAuthentication.sessionOf(authentication).ifPresent(sid -> signingIn.signOut(sid, Actor.of(authentication).userId()));
        }
        return Page.redirect("/sign-in?signedOut=yes").cookie(PageCookies.cleared(request, PageCookies.SESSION));
    }

    /** "Stay signed in": a fresh session for a person whose session is about to end. */
    @Post(value = "/sign-in/stay", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> stay(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Form form;
        try {
            form = Form.read(request, body);
        } catch (ProblemException refused) {
            return Page.redirect("/");
        }
        String back = Page.localPath(form.text("next"));
        if (authentication == null) {
            return Page.redirect("/sign-in?signedOut=ended&next=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
        }
        return SessionAuthentication.sessionOf(authentication)
                .flatMap(sid -> signingIn.renew(sid, SignInController.addressOf(request)))
                .<HttpResponse<?>>map(s -> withSession(request, Page.redirect(back), s))
                .orElseGet(() -> Page.redirect("/sign-in?signedOut=ended"));
    }

    /** Where the kept answers may be sent again: only ever a form of this service's pages, never elsewhere. */
    private static String resendTo(List<Map.Entry<String, String>> kept, String asked) {
        String path = kept.isEmpty() || asked == null ? null : Page.localPath(asked);
        return path == null || "/".equals(path) || path.startsWith("/sign-") ? null : path;
    }

    /** The fields of a signed-out form carried through the sign-in form, in order, as name and value pairs. */
    private static List<Map.Entry<String, String>> kept(Form typed) {
        List<String> names = typed.all("keptName");
        List<String> values = typed.all("keptValue");
        List<Map.Entry<String, String>> kept = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(names.size(), values.size()) && i < 500; i++) {
            kept.add(Map.entry(names.get(i), values.get(i)));
        }
        return kept;
    }

    private static String landing(SigningIn.SignedIn s, String next) {
        if (!"/".equals(next)) {
            return next;
        }
        return switch (s.account().role()) {
            case BIDDER -> "/tenders";
            case COMMISSIONER, ADMIN -> "/manage/rounds";
            case EVALUATOR -> "/evaluate";
            case SCRUTINY -> "/scrutiny";
            default -> "/";
        };
    }

    static MutableHttpResponse<?> withSession(HttpRequest<?> request, MutableHttpResponse<?> response, SigningIn.SignedIn s) {
        return response.cookie(PageCookies.of(request, PageCookies.SESSION, s.token(),
                Duration.between(Instant.now(), s.expiresAt()), SameSite.Lax));
    }
}
