package org.levelfield.evaluation.web;

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
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Page;
import org.levelfield.common.web.pages.Question;
import org.levelfield.evaluation.Panels;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.tender.application.Sealing;
import org.levelfield.tender.infrastructure.Tenders;

/**
 * The commissioner's panel page: each lot's evaluators, appointing more, removing one with the reason
 * (their scores in the lot are set aside), and after the deadline how many evaluators free of conflict
 * each tender has.
 */
@Controller("/manage/rounds/{roundId}/panel")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class PanelPages {

    private final Panels panels;
    private final Rounds rounds;
    private final Tenders tenders;
    private final Sealing sealing;

    public PanelPages(Panels panels, Rounds rounds, Tenders tenders, Sealing sealing) {
        this.panels = panels;
        this.rounds = rounds;
        this.tenders = tenders;
        this.sealing = sealing;
    }

    @Get
    public HttpResponse<?> panel(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Evaluation panels: " + round.title());
        model.put("removed", request.getParameters().get("removed"));
        return Page.render("manage/panel", panelModel(round, model, Map.of()));
    }

    @Post(value = "/{lotId}/appointments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> appoint(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication,
                                   @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        Lot lot = lot(round, lotId);
        Map<String, Object> model = Page.model("Evaluation panels: " + round.title());
        String field = "appoint-" + lot.id();
        try {
            Form f = Form.read(request, body);
            List<UUID> chosen = new ArrayList<>();
            for (String id : f.list(field)) {
                try {
                    chosen.add(UUID.fromString(id));
                } catch (IllegalArgumentException notAnId) {
                    throw ProblemException.badInput(field, "choose evaluators from the list");
                }
            }
            if (chosen.isEmpty()) {
                throw ProblemException.badInput(field, "Select at least one evaluator to appoint to " + lot.title());
            }
            panels.appoint(round.id(), lot.id(), chosen, actor);
            return Page.redirect("/manage/rounds/" + round.id() + "/panel#lot-" + lot.id());
        } catch (ProblemException refused) {
            Page.refused(model, refused, name -> field);
            return Page.render("manage/panel", panelModel(round, model, Form.of(body).typed()));
        }
    }

    @Get("/{lotId}/members/{evaluatorId}/removal")
    public HttpResponse<?> removalPage(String roundId, String lotId, String evaluatorId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        Lot lot = lot(round, lotId);
        Panels.Appointment member = member(lot, evaluatorId);
        return Page.render("components/question-page", removalModel(round, lot, member, Page.model("Remove " + member.evaluator()), Map.of()));
    }

    @Post(value = "/{lotId}/members/{evaluatorId}/removal", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> remove(String roundId, String lotId, String evaluatorId, HttpRequest<?> request, @Nullable Authentication authentication,
                                  @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        Lot lot = lot(round, lotId);
        Panels.Appointment member = member(lot, evaluatorId);
        Map<String, Object> model = Page.model("Remove " + member.evaluator());
        try {
            Form f = Form.read(request, body);
            panels.remove(round.id(), lot.id(), member.evaluatorId(), f.text("reason"), actor);
            return Page.redirect("/manage/rounds/" + round.id() + "/panel?removed=" + member.evaluatorId() + "#lot-" + lot.id());
        } catch (ProblemException refused) {
            Page.refused(model, refused, name -> "reason");
            return Page.render("components/question-page", removalModel(round, lot, member, model, Form.of(body).typed()));
        }
    }

    /** A lot of the page: its panel, who else can be appointed, and (after the deadline) each tender's cover. */
    public record LotView(Lot lot, Panels.LotPanel panel, List<Labels.Option> appointable) {
    }

    private Map<String, Object> panelModel(Round round, Map<String, Object> model, Map<String, Object> typed) {
        boolean sealed = sealing.isSealed(round);
        var status = panels.status(round, sealed ? List.of() : tenders.ofRound(round.id()));
        List<Panels.Evaluator> evaluators = panels.evaluators();
        List<LotView> lots = new ArrayList<>();
        for (Lot lot : round.lots()) {
            Panels.LotPanel panel = status.stream().filter(p -> p.lotId().equals(lot.id())).findFirst().orElseThrow();
            List<Labels.Option> appointable = evaluators.stream().filter(e -> panel.members().stream().noneMatch(m -> m.evaluatorId().equals(e.id())))
                    .map(e -> new Labels.Option(e.id().toString(), e.name(), null)).toList();
            lots.add(new LotView(lot, panel, appointable));
        }
        model.put("round", round);
        model.put("lots", lots);
        model.put("sealed", sealed);
        model.put("typed", typed);
        model.put("minimum", panels.minimum(round));
        return model;
    }

    private static Map<String, Object> removalModel(Round round, Lot lot, Panels.Appointment member, Map<String, Object> model, Map<String, Object> typed) {
        model.put("caption", round.title() + ": " + lot.title());
        model.put("heading", "Remove " + member.evaluator() + " from the panel");
        model.put("intro", List.of(
                "Their scores on this lot's tenders will be set aside: kept on the record, never counted. An award already computed will need computing again.",
                "You can then appoint someone else, who declares any conflict and scores every tender of the lot.",
                "The reason is kept on the record and shown in the conflicts log and the round's history."));
        model.put("questions", List.of(Question.longText("reason", "Why is " + member.evaluator() + " leaving the panel?",
                "For example, a conflict of interest declared after scoring, illness, or leaving the council", typed.get("reason"), null)));
        model.put("action", "/manage/rounds/" + round.id() + "/panel/" + lot.id() + "/members/" + member.evaluatorId() + "/removal");
        model.put("button", "Remove from the panel");
        model.put("back", "/manage/rounds/" + round.id() + "/panel");
        model.put("cancel", "/manage/rounds/" + round.id() + "/panel");
        return model;
    }

    private Panels.Appointment member(Lot lot, String evaluatorId) {
        return panels.members(lot.id()).stream().filter(m -> m.evaluatorId().toString().equals(evaluatorId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("member of the panel for lot '" + lot.title() + "'", evaluatorId));
    }

    private static Lot lot(Round round, String lotId) {
        return round.lots().stream().filter(l -> l.id().toString().equals(lotId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("lot in round '" + round.title() + "'", lotId));
    }
}
