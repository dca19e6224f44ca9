package org.levelfield.transparency.web;

import java.util.Map;
import java.util.UUID;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.document.IssuingDocument;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Page;
import org.levelfield.transparency.PublicAwards;

/**
 * Awards anyone can read without signing in, once the contract award notice is published: the list, each award's
 * page, the public version of its justification (as issued, with its SHA-256), its OCDS release, and the OCDS
 * release package of every published award at {@code /ocds/releases.json}.
 */
@Controller
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class TransparencyPages {

    private final PublicAwards awards;
    private final String publicUrl;

    public TransparencyPages(PublicAwards awards, @io.micronaut.context.annotation.Value("${levelfield.public-url}") String publicUrl) {
        this.awards = awards;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Get(value = "/awards", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> list() {
        Map<String, Object> model = Page.model("Awards made");
        model.put("awards", awards.list());
        return Page.render("transparency/list", model);
    }

    @Get(value = "/awards/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> award(String id) {
        PublicAwards.Published published = awards.find(roundId(id)).orElseThrow(() -> ProblemException.notFound("published award", id));
        Map<String, Object> model = Page.model("Award: " + published.round().title());
        model.put("award", published);
        model.put("report", published.report());
        model.put("document", published.justification().orElse(null));
        return Page.render("transparency/award", model);
    }

    @Get(value = "/awards/{id}/justification.pdf", produces = "application/pdf")
    public HttpResponse<byte[]> justification(String id) {
        PublicAwards.Published published = awards.find(roundId(id)).orElseThrow(() -> ProblemException.notFound("published award", id));
        var document = published.justification().orElseThrow(() -> ProblemException.notFound("public award justification", id));
        return new IssuingDocument.Issued(document.id(), document.fileName(), document.sha256(), document.content()).asDownload();
    }

    @Get(value = "/awards/{id}/ocds.json", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> release(String id) {
        return awards.release(roundId(id)).orElseThrow(() -> ProblemException.notFound("published award", id));
    }

    /** Every published award as an OCDS 1.1 release package (OCDS 1.1.5 releases with the UK extension's fields). */
    @Get(value = "/ocds/releases.json", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> releases() {
        return awards.releasePackage(publicUrl + "/ocds/releases.json");
    }

    private static UUID roundId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("published award", id);
        }
    }
}
