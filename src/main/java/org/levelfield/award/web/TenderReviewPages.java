package org.levelfield.award.web;

import java.util.ArrayList;
import java.util.List;
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
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.award.application.AwardComputations;
import org.levelfield.award.application.ComputingAward;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Page;
import org.levelfield.evaluation.AbnormallyLowTenders;
import org.levelfield.evaluation.UnmetMandatoryItems;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.LotTerms;
import org.levelfield.round.model.Round;
import org.levelfield.tender.application.Sealing;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;

/**
 * The commissioner's tenders after the deadline, lot by lot: each tender's bidder, price and time, the
 * abnormally-low process (ask the bidder to explain its price, read the answer, accept the price or
 * disregard the tender with reasons: Procurement Act 2023 s20, PCR 2015 reg 69), and the evaluation's
 * finding that a tender does not meet a published mandatory item (SC-09). Before the deadline the
 * tenders are sealed and the page says only that.
 */
@Controller("/manage/rounds/{roundId}/tenders")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class TenderReviewPages {

    private final Rounds rounds;
    private final Tenders tenders;
    private final Sealing sealing;
    private final AbnormallyLowTenders abnormallyLow;
    private final UnmetMandatoryItems unmet;
    private final AwardComputations computations;
    private final ComputingAward computing;

    public TenderReviewPages(Rounds rounds, Tenders tenders, Sealing sealing, AbnormallyLowTenders abnormallyLow, UnmetMandatoryItems unmet,
                             AwardComputations computations, ComputingAward computing) {
        this.rounds = rounds;
        this.tenders = tenders;
        this.sealing = sealing;
        this.abnormallyLow = abnormallyLow;
        this.unmet = unmet;
        this.computations = computations;
        this.computing = computing;
    }

    /** A tender as the page shows it: its process on price, the mandatory items the evaluation found unmet, and whether SC-08 flagged it. */
    public record TenderView(Tender tender, String key, AbnormallyLowTenders.Process price, List<UnmetMandatoryItems.Finding> unmet,
                             List<Labels.Option> items, String flagged) {
    }

    public record LotView(Lot lot, List<TenderView> tenders) {
    }

    @Get
    public HttpResponse<?> page(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        return Page.render("manage/tenders", model(round, Page.model("Tenders: " + round.title()), Map.of()));
    }

    @Post(value = "/{tenderId}/{action:price-question|price-decision|unmet-item}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> act(String roundId, String tenderId, String action, HttpRequest<?> request, @Nullable Authentication authentication,
                               @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Tenders: " + round.title());
        Tender tender = tenderOf(round, tenderId);
        String key = key(tender) + "-" + action;
        try {
            Form f = Form.read(request, body);
            switch (action) {
                case "price-question" -> abnormallyLow.notifyBidder(tender.id(), new AbnormallyLowTenders.Asking(f.text(key + "-question")), actor);
                case "price-decision" -> abnormallyLow.decide(tender.id(), new AbnormallyLowTenders.Deciding(f.text(key + "-decision"),
                        f.text(key + "-reason"), f.yesNo(key + "-breach")), actor);
                default -> unmet.record(tender.id(), new UnmetMandatoryItems.Recording(f.text(key + "-item"), f.text(key + "-reasons")), actor);
            }
            return Page.redirect("/manage/rounds/" + round.id() + "/tenders#" + key(tender));
        } catch (ProblemException refused) {
            Page.refused(model, refused, name -> key + "-" + switch (name) {
                case "question", "decision", "reason", "item", "reasons" -> name;
                default -> action.equals("price-question") ? "question" : action.equals("price-decision") ? "decision" : "item";
            });
            return Page.render("manage/tenders", model(rounds.named(roundId), model, Form.of(body).typed()));
        }
    }

    /** A tender of this round that was sent; any other id is not found (a sealed tender is not shown to anyone here). */
    private Tender tenderOf(Round round, String tenderId) {
        UUID id;
        try {
            id = UUID.fromString(tenderId);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("tender", tenderId);
        }
        if (sealing.isSealed(round)) {
            throw ProblemException.notFound("tender", tenderId);
        }
        return tenders.find(id).filter(t -> t.roundId().equals(round.id()) && !t.isDraft())
                .orElseThrow(() -> ProblemException.notFound("tender", tenderId));
    }

    private static String key(Tender t) {
        return "t-" + t.id();
    }

    private Map<String, Object> model(Round round, Map<String, Object> model, Map<String, Object> typed) {
        boolean sealed = sealing.isSealed(round);
        model.put("round", round);
        model.put("typed", typed);
        model.put("sealed", sealed);
        model.put("decisions", List.of(new Labels.Option("ACCEPTED", "Accept the price", "The explanation shows the tender can be delivered at this price"),
                new Labels.Option("DISREGARDED", "Disregard the tender", "The explanation does not show it; only after the bidder has been heard")));
        if (sealed) {
            model.put("lots", List.of());
            return model;
        }
        var processes = abnormallyLow.ofRound(round.id());
        var findings = unmet.ofRound(round.id());
        List<String> flagged = List.of();
        if (computations.latest(round.id()).isPresent()) {
            flagged = computing.latest(round.id()).findings().stream().filter(f -> f.ruleId().equals("SC-08")).map(f -> f.subjectId() + "|" + f.message()).toList();
        }
        List<LotView> lots = new ArrayList<>();
        List<Tender> sent = tenders.ofRound(round.id()).stream().filter(t -> Tender.SUBMITTED.equals(t.status())).toList();
        for (Lot lot : round.lots()) {
            List<Labels.Option> items = (lot.terms() == null ? LotTerms.NONE : lot.terms()).mandatoryItems().stream()
                    .map(i -> new Labels.Option(i, i, null)).toList();
            List<TenderView> views = new ArrayList<>();
            for (Tender t : sent.stream().filter(t -> t.lotId().equals(lot.id())).toList()) {
                String flag = flagged.stream().filter(s -> s.startsWith(t.id() + "|")).map(s -> s.substring(s.indexOf('|') + 1)).findFirst().orElse(null);
                views.add(new TenderView(t, key(t), processes.get(t.id()), findings.stream().filter(f -> f.tenderId().equals(t.id())).toList(), items, flag));
            }
            lots.add(new LotView(lot, views));
        }
        model.put("lots", lots);
        return model;
    }
}
