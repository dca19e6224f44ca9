package org.levelfield.evaluation.web;

import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.evaluation.AbnormallyLowTenders;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * The bidder's reply when the evaluators ask it to explain a price that looks abnormally low
 * (Procurement Act 2023 s.20 and PCR 2015 reg 69: a tender is not set aside before the bidder is
 * heard). The same {@link AbnormallyLowTenders#respond} as the API; the reply is kept as given.
 */
@Controller("/tenders/{tenderId}/price-explanation")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class PriceExplanationPages {

    static final int MOST_CHARACTERS = 10_000;

    private final AbnormallyLowTenders process;
    private final Tenders tenders;
    private final Rounds rounds;

    public PriceExplanationPages(AbnormallyLowTenders process, Tenders tenders, Rounds rounds) {
        this.process = process;
        this.tenders = tenders;
        this.rounds = rounds;
    }

    @Get
    public HttpResponse<?> page(String tenderId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @QueryValue String sent) {
        Actor actor = Page.person(authentication, request);
        Tender tender = own(tenderId, actor);
        Map<String, Object> model = model(tender);
        model.put("sent", sent != null);
        return Page.render("evaluation/price-explanation", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> reply(String tenderId, HttpRequest<?> request, @Nullable Authentication authentication,
                                 @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.person(authentication, request);
        Tender tender = own(tenderId, actor);
        Map<String, Object> model = model(tender);
        model.put("typed", Form.of(body).typed());
        try {
            Form f = Form.read(request, body);
            if (!f.has("response")) {
                Page.error(model, "response", "Explain how your price is achieved: your costs, your staffing, and any other funding that pays for part of the work");
            } else if (f.text("response").length() > MOST_CHARACTERS) {
                Page.error(model, "response", "Your explanation must be 10,000 characters or fewer. It has " + f.text("response").length());
            }
            if (Page.hasErrors(model)) {
                return Page.render("evaluation/price-explanation", model);
            }
            process.respond(tender.id(), new AbnormallyLowTenders.Responding(f.text("response")), actor);
            return Page.redirect("/tenders/" + tender.id() + "/price-explanation?sent=yes");
        } catch (ProblemException refused) {
            Page.refused(model, refused);
            return Page.render("evaluation/price-explanation", model);
        }
    }

    private Map<String, Object> model(Tender tender) {
        Map<String, Object> model = Page.model("Explain your price");
        model.put("tender", tender);
        model.put("round", rounds.find(tender.roundId()).orElseThrow());
        model.put("lot", rounds.find(tender.roundId()).flatMap(r -> r.lot(tender.lotId())).orElseThrow());
        model.put("process", process.find(tender.id()).orElseThrow(() -> ProblemException.notFound("question about the price of tender", tender.id())));
        return model;
    }

    private Tender own(String id, Actor actor) {
        try {
            return tenders.find(UUID.fromString(id)).filter(t -> actor.belongsTo(t.organisationId()))
                    .orElseThrow(() -> ProblemException.notFound("tender", id));
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("tender", id);
        }
    }
}
