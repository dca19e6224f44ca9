package org.levelfield.common.web.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;

/**
 * What every page controller needs: a model with the GOV.UK error summary's entries, the signed-in
 * person (or a trip to the sign-in page), and a rendered view with its status.
 */
public final class Page {

    private Page() {
    }

    public static Map<String, Object> model(String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("errors", new ArrayList<Map<String, String>>());
        model.put("fieldErrors", new LinkedHashMap<String, String>());
        model.put("typed", Map.of());
        return model;
    }

    /**
     * Puts a refusal's messages into the model, each against the page's field it is about:
     * {@code field} maps the application's field name (such as "turnoverPence") to the page's
     * (such as "income"); names it does not know are kept as they are.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> refused(Map<String, Object> model, ProblemException refused, Function<String, String> field) {
        List<Map<String, String>> errors = (List<Map<String, String>>) model.get("errors");
        Map<String, String> byField = (Map<String, String>) model.get("fieldErrors");
        if (refused instanceof Form.FormRefused expired) {
            model.put("typed", expired.form().typed());
        }
        Object listed = refused.extensions().get("errors");
        if (listed instanceof List<?> list && !list.isEmpty()) {
            for (Object o : list) {
                if (o instanceof ProblemException.FieldError e) {
                    String name = field.apply(e.field());
                    add(errors, byField, name == null ? e.field() : name, e.message());
                }
            }
        } else {
            add(errors, byField, "main-content", refused.getMessage());
        }
        return model;
    }

    public static Map<String, Object> refused(Map<String, Object> model, ProblemException refused) {
        return refused(model, refused, Function.identity());
    }

    /** Adds one message against a field of the page. */
    @SuppressWarnings("unchecked")
    public static void error(Map<String, Object> model, String field, String message) {
        add((List<Map<String, String>>) model.get("errors"), (Map<String, String>) model.get("fieldErrors"), field, message);
    }

    @SuppressWarnings("unchecked")
    public static boolean hasErrors(Map<String, Object> model) {
        return !((List<?>) model.get("errors")).isEmpty();
    }

    private static void add(List<Map<String, String>> errors, Map<String, String> byField, String field, String message) {
        if (!byField.containsKey(field)) {
            byField.put(field, sentence(message));
            errors.add(Map.of("field", field, "message", sentence(message)));
        }
    }

    /** "is required" on its own reads badly in an error summary: it becomes "This is required". */
    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Check this answer";
        }
        String m = message.strip();
        if (m.startsWith("is ") || m.startsWith("must ")) {
            m = "This " + m;
        }
        return Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }

    public static io.micronaut.http.MutableHttpResponse<?> render(String view, Map<String, Object> model) {
        return render(view, model, hasErrors(model) ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
    }

    /**
     * Renders the page now, so that a fault in a template is a 500 page with a reference (and in the
     * log), never a response that does not arrive.
     */
    public static io.micronaut.http.MutableHttpResponse<?> render(String view, Map<String, Object> model, HttpStatus status) {
        HttpRequest<?> request = io.micronaut.http.context.ServerRequestContext.currentRequest().orElse(null);
        if (request == null) {
            return HttpResponse.status(status).body(new ModelAndView<>(view, model));
        }
        String html = ErrorPages.render(request, view, model);
        if (html == null) {
            String reference = java.util.UUID.randomUUID().toString();
            org.slf4j.LoggerFactory.getLogger(Page.class).error("Page {} could not be rendered; reference {}", view, reference);
            Map<String, Object> problem = model("Sorry, there is a problem with the service");
            problem.put("detail", "The page could not be shown because of a fault in the service, not in anything you did. Nothing you sent was lost.");
            problem.put("reference", reference);
            String page = ErrorPages.render(request, "errors/problem", problem);
            return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).body(page == null ? "Sorry, there is a problem with the service. Reference " + reference : page)
                    .contentType(io.micronaut.http.MediaType.TEXT_HTML_TYPE);
        }
        return HttpResponse.status(status).body(html).contentType(io.micronaut.http.MediaType.TEXT_HTML_TYPE);
    }

    public static io.micronaut.http.MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(java.net.URI.create(path));
    }

    /** The person signed in, or a trip to the sign-in page that comes back to this page. */
    public static Actor person(Authentication authentication, HttpRequest<?> request) {
        if (authentication == null) {
            boolean posted = request.getMethod() == HttpMethod.POST;
            String back = posted ? request.getHeaders().findFirst("Referer").map(Page::localPath).orElse("/") : localPath(request.getUri().toString());
            if (posted) {
                throw new SignInRequired(back, true, localPath(request.getPath()), keptFields(request));
            }
            throw new SignInRequired(back, false);
        }
        return Actor.of(authentication);
    }

    /** What a form sent while signed out held, to offer it again after sign-in: never a password, a file or the form token. */
    private static List<Map.Entry<String, String>> keptFields(HttpRequest<?> request) {
        if (!request.getContentType().map(t -> t.matches(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false)) {
            return List.of();
        }
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        request.getBody(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)).ifPresent(body -> body.forEach((name, value) -> {
            if (!name.equals(FormTokens.FIELD) && !name.toLowerCase(java.util.Locale.ROOT).contains("password")) {
                if (value instanceof Iterable<?> many) {
                    many.forEach(v -> kept.add(Map.entry(name, String.valueOf(v))));
                } else if (value != null) {
                    kept.add(Map.entry(name, String.valueOf(value)));
                }
            }
        }));
        return kept;
    }

    /**
     * A signed-in person in one of these roles (the role is the account's, read from the database at sign-in);
     * anyone else signed in is told this part is not for their account (403).
     */
    public static Actor inRole(Authentication authentication, HttpRequest<?> request, org.levelfield.common.identity.Role... roles) {
        Actor actor = person(authentication, request);
        for (org.levelfield.common.identity.Role role : roles) {
            if (actor.is(role)) {
                return actor;
            }
        }
        throw ProblemException.forbidden("This part of Levelfield is for " + java.util.Arrays.stream(roles)
                .map(r -> r == org.levelfield.common.identity.Role.SCRUTINY ? "scrutiny panel members" : r.name().toLowerCase(java.util.Locale.ROOT) + "s")
                .collect(java.util.stream.Collectors.joining(" and "))
                + ". Your account cannot use it.");
    }

    /** A signed-in member of a bidding organisation; anyone else signed in is told this part is for bidders (403). */
    public static Actor member(Authentication authentication, HttpRequest<?> request) {
        Actor actor = person(authentication, request);
        if (actor.organisationId() == null) {
            throw ProblemException.forbidden("This part of Levelfield is for organisations that bid. Your account is not a member of one.");
        }
        return actor;
    }

    /** Only a path on this service, never another site (an open redirect). */
    public static String localPath(String target) {
        if (target == null) {
            return "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(target);
            String path = uri.getRawPath();
            if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException bad) {
            return "/";
        }
    }
}
