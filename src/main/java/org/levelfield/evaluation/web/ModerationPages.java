package org.levelfield.evaluation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.levelfield.common.web.pages.Page;
import org.levelfield.evaluation.Moderation;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.rules.engine.ThresholdsConfiguration;

/**
 * The moderation sheet as a page: every criterion the panel spread too far on, highlighted, with each
 * evaluator's score and reason and a form for the consensus score and its reason; below, every other
 * criterion's scores and spread. Shown only once tenders are opened (never for a cancelled round).
 */
@Controller("/manage/rounds/{roundId}/moderation")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ModerationPages {

    private static final Set<RoundStatus> OPENED = Set.of(RoundStatus.CLOSED, RoundStatus.EVALUATION, RoundStatus.MODERATION,
            RoundStatus.AWARD_PROPOSED, RoundStatus.STANDSTILL, RoundStatus.AWARDED);

    private final Moderation moderation;
    private final Rounds rounds;
    private final ThresholdsConfiguration thresholds;

    public ModerationPages(Moderation moderation, Rounds rounds, ThresholdsConfiguration thresholds) {
        this.moderation = moderation;
        this.rounds = rounds;
        this.thresholds = thresholds;
    }

    /** A line of the sheet with the key its consensus form's fields are named by. */
    public record LineView(Moderation.Line line, String key) {
        /** Each evaluator's score, "Ann: 3, Bo: 4". */
        public String scoresText() {
            return String.join(", ", line.scores().stream().map(s -> s.evaluatorName() + ": " + s.score()).toList());
        }
    }

    @Get
    public HttpResponse<?> sheet(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        return Page.render("manage/moderation", model(round, Page.model("Moderation: " + round.title()), Map.of()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> consensus(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Moderation: " + round.title());
        Form sent = Form.of(body);
        String key = key(sent.text("tender"), sent.text("criterion"));
        try {
            Form f = Form.read(request, body);
            UUID tenderId = uuid(f.text("tender"));
            UUID criterionId = uuid(f.text("criterion"));
            if (moderation.sheet(round.id()).stream().noneMatch(l -> l.tenderId().equals(tenderId) && l.criterionId().equals(criterionId))) {
                throw ProblemException.badInput("score", "this sheet has no such criterion of a tender; reload the page");
            }
            if (f.text(key + "-score") == null) {
                Page.error(model, key + "-score", "Choose the score the panel agreed");
            }
            if (f.text(key + "-reason") == null) {
                Page.error(model, key + "-reason", "Record why the panel agreed this score, referring to the tender");
            }
            if (Page.hasErrors(model)) {
                return Page.render("manage/moderation", model(round, model, f.typed()));
            }
            Integer score;
            try {
                score = Integer.valueOf(f.text(key + "-score"));
            } catch (NumberFormatException notANumber) {
                score = -1;
            }
            moderation.record(tenderId, new Moderation.Recording(criterionId, score, f.text(key + "-reason")), actor);
            return Page.redirect("/manage/rounds/" + round.id() + "/moderation#" + key);
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> field.equals("reason") ? key + "-reason" : key + "-score");
            return Page.render("manage/moderation", model(round, model, sent.typed()));
        }
    }

    private Map<String, Object> model(Round round, Map<String, Object> model, Map<String, Object> typed) {
        boolean opened = OPENED.contains(round.status());
        List<LineView> needing = new ArrayList<>();
        List<LineView> others = new ArrayList<>();
        if (opened) {
            for (Moderation.Line line : moderation.sheet(round.id())) {
                LineView view = new LineView(line, key(line.tenderId().toString(), line.criterionId().toString()));
                (line.needsModeration() ? needing : others).add(view);
            }
        }
        List<String> scale = new ArrayList<>();
        for (int i = 0; i <= thresholds.current().scaleMax(); i++) {
            scale.add(String.valueOf(i));
        }
        model.put("round", round);
        model.put("opened", opened);
        model.put("needing", needing);
        model.put("others", others);
        model.put("threshold", moderation.spreadThreshold(round));
        model.put("scale", scale);
        model.put("typed", typed);
        model.put("open", round.status() == RoundStatus.EVALUATION);
        return model;
    }

    static String key(String tenderId, String criterionId) {
        return ("m-" + tenderId + "-" + criterionId).replaceAll("[^A-Za-z0-9-]", "-");
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text == null ? "" : text);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.badInput("score", "this sheet has no such criterion of a tender; reload the page");
        }
    }
}
