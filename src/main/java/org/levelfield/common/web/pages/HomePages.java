package org.levelfield.common.web.pages;

import java.time.Duration;
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
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.web.ProblemException;

/** The start page and the cookies page. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class HomePages {

    @Get
    public HttpResponse<?> start() {
        return Page.render("home/start", Page.model("Bid for local services with Levelfield"));
    }

    @Get("/cookies")
    public HttpResponse<?> cookies() {
        return Page.render("home/cookies", Page.model("Cookies"));
    }

    @Post(value = "/cookies/hide", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> hide(HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
        try {
            Form form = Form.read(request, body);
            return Page.redirect(Page.localPath(form.text("next")))
                    .cookie(PageCookies.of(request, PageCookies.COOKIES_SEEN, "yes", Duration.ofDays(365), SameSite.Lax));
        } catch (ProblemException refused) {
            return Page.redirect(Page.localPath(Form.of(body).text("next")));
        }
    }
}
