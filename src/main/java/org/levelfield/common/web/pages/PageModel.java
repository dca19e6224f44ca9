package org.levelfield.common.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import org.levelfield.common.identity.Actor;
import org.levelfield.access.SessionAuthentication;

/**
 * What every page's layout needs, added to each model: the form token, plain-English labels, the
 * person signed in (if any), the service navigation for their role, and a warning when their
 * session is about to end.
 */
@Singleton
public class PageModel implements ViewModelProcessor<Map<String, Object>> {

    /** How long before the end of a session pages warn that it will end. */
    static final Duration WARN_BEFORE = Duration.ofMinutes(15);

    private final Labels labels;
    private final SecurityService security;
    private final Clock clock;

    public PageModel(Labels labels, SecurityService security, Clock clock) {
        this.labels = labels;
        this.security = security;
        this.clock = clock;
    }

    public record NavItem(String href, String text, boolean active) {
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = modelAndView.getModel().orElse(null);
        if (model == null) {
            return;
        }
        model.put("formToken", FormTokens.of(request));
        model.put("labels", labels);
        model.putIfAbsent("typed", Map.of());
        model.putIfAbsent("errors", List.of());
        model.putIfAbsent("fieldErrors", Map.of());
        String path = request.getPath();
        Authentication authentication = security.getAuthentication().orElse(null);
        List<NavItem> nav = new ArrayList<>();
        nav.add(new NavItem("/rounds", "Find a round", path.startsWith("/rounds") && !path.contains("/tender")));
        if (authentication != null) {
            Actor actor = Actor.of(authentication);
            model.put("person", Map.of("name", actor.displayName() == null ? actor.username() : actor.displayName(), "role", actor.role().name()));
            if (actor.is(org.levelfield.common.identity.Role.COMMISSIONER) || actor.is(org.levelfield.common.identity.Role.ADMIN)) {
                nav.add(new NavItem("/manage/rounds", "Your rounds", path.startsWith("/manage")));
            }
            if (actor.is(org.levelfield.common.identity.Role.EVALUATOR)) {
                nav.add(new NavItem("/evaluate", "Your evaluations", path.startsWith("/evaluate")));
            }
            if (actor.is(org.levelfield.common.identity.Role.SCRUTINY) || actor.is(org.levelfield.common.identity.Role.ADMIN)) {
                nav.add(new NavItem("/scrutiny", "Rounds to review", path.startsWith("/scrutiny")));
            }
            if (actor.organisationId() != null) {
                nav.add(new NavItem("/tenders", "Your tenders", path.startsWith("/tenders") || path.contains("/tender")));
                nav.add(new NavItem("/notices", "Notices", path.startsWith("/notices")));
                nav.add(new NavItem("/organisation", "Your organisation", path.startsWith("/organisation")));
            }
            Object ends = authentication.getAttributes().get(SessionAuthentication.SESSION_ENDS);
            if (ends instanceof Number seconds) {
                Instant endsAt = Instant.ofEpochSecond(seconds.longValue());
                model.put("sessionEndsAt", Dates.time(endsAt));
                model.put("sessionEndsSoon", Duration.between(clock.instant(), endsAt).compareTo(WARN_BEFORE) <= 0);
            }
        }
        model.put("navigation", nav);
        model.put("currentPath", path);
        model.put("cookiesSeen", PageCookies.value(request, PageCookies.COOKIES_SEEN).isPresent());
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.putAll(castMap(model.get("typed")));
        model.put("typed", typed);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
