package org.levelfield.evaluation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.levelfield.common.web.pages.Page;
import org.levelfield.evaluation.Panels;
import org.levelfield.evaluation.RecordingScores;
import org.levelfield.evaluation.Score;
import org.levelfield.evaluation.Scores;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.rules.engine.ThresholdsConfiguration;
import org.levelfield.tender.application.Sealing;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Blinding;
import org.levelfield.tender.model.Tender;

/**
 * The evaluator's pages: the rounds they sit on, the conflict declaration for every bidder before any
 * tender opens, what is left to score, and a tender's answers beside the scoring form (a score on the
 * published scale with its descriptors and a reason for each criterion).
 */
@Controller("/evaluate")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class EvaluatorPages {

    private final Panels panels;
    private final Rounds rounds;
    private final Tenders tenders;
    private final Scores scores;
    private final RecordingScores recording;
    private final Sealing sealing;
    private final ThresholdsConfiguration thresholds;

    private final org.levelfield.evaluation.ReasonCheck reasonCheck;
    private final org.levelfield.tender.infrastructure.Attachments attachments;

    public EvaluatorPages(Panels panels, Rounds rounds, Tenders tenders, Scores scores, RecordingScores recording, Sealing sealing,
                          ThresholdsConfiguration thresholds, org.levelfield.evaluation.ReasonCheck reasonCheck,
                          org.levelfield.tender.infrastructure.Attachments attachments) {
        this.reasonCheck = reasonCheck;
        this.attachments = attachments;
        this.panels = panels;
        this.rounds = rounds;
        this.tenders = tenders;
        this.scores = scores;
        this.recording = recording;
        this.sealing = sealing;
        this.thresholds = thresholds;
    }

    /** A tender as the evaluator's list shows it: its label (blinded or not), how far their own scoring has got, and whether it is theirs to score. */
    public record TenderLine(UUID id, String label, String lot, int scored, int toScore, boolean mayScore) {
    }

    /** A round on the evaluator's list, with where they stand in it. */
    public record RoundLine(Round round, String state) {
    }

    @Get
    public HttpResponse<?> mine(HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = evaluator(authentication, request);
        Map<String, Object> model = Page.model("Your evaluations");
        List<RoundLine> lines = new ArrayList<>();
        for (UUID id : panels.roundsOf(actor.userId())) {
            Round round = rounds.find(id).orElseThrow();
            lines.add(new RoundLine(round, state(round, actor)));
        }
        model.put("rounds", lines);
        return Page.render("evaluate/rounds", model);
    }

    @Get("/rounds/{roundId}")
    public HttpResponse<?> round(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = evaluator(authentication, request);
        Round round = myRound(roundId, actor);
        return Page.render("evaluate/round", roundModel(round, actor, Page.model(round.title()), Map.of()));
    }

    @Post(value = "/rounds/{roundId}/declarations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> declare(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = evaluator(authentication, request);
        Round round = myRound(roundId, actor);
        Map<String, Object> model = Page.model(round.title());
        List<UUID> bidders = List.copyOf(panels.bidders(round.id()).keySet());
        try {
            Form f = Form.read(request, body);
            List<Panels.DeclarationCommand> declarations = new ArrayList<>();
            for (int i = 0; i < bidders.size(); i++) {
                Boolean conflicted = f.yesNo("conflict-" + i);
                if (conflicted == null) {
                    Page.error(model, "conflict-" + i, "Say whether you have a conflict of interest with " + panels.bidders(round.id()).get(bidders.get(i)));
                } else if (conflicted && f.text("nature-" + i) == null) {
                    Page.error(model, "nature-" + i, "Describe the conflict with " + panels.bidders(round.id()).get(bidders.get(i)) + ": the relationship and when it began");
                }
                declarations.add(new Panels.DeclarationCommand(bidders.get(i), conflicted, Boolean.TRUE.equals(conflicted) ? f.text("nature-" + i) : null));
            }
            if (Page.hasErrors(model)) {
                return Page.render("evaluate/round", roundModel(round, actor, model, f.typed()));
            }
            panels.declare(round.id(), new Panels.Declaring(declarations), actor);
            return Page.redirect("/evaluate/rounds/" + round.id() + "?declared=yes");
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> field.startsWith("declarations[") ? declarationField(field) : "declarations");
            return Page.render("evaluate/round", roundModel(round, actor, model, Form.of(body).typed()));
        }
    }

    @Get("/tenders/{tenderId}")
    public HttpResponse<?> tender(String tenderId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = evaluator(authentication, request);
        Tender tender = openable(tenderId, actor);
        Round round = rounds.find(tender.roundId()).orElseThrow();
        return Page.render("evaluate/tender", tenderModel(round, tender, actor, Page.model("Score " + label(round, tender, actor)), Map.of()));
    }

    @Post(value = "/tenders/{tenderId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> score(String tenderId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = evaluator(authentication, request);
        Tender tender = openable(tenderId, actor);
        Round round = rounds.find(tender.roundId()).orElseThrow();
        Lot lot = round.lot(tender.lotId()).orElseThrow();
        Map<String, Object> model = Page.model("Score " + label(round, tender, actor));
        List<Criterion> criteria = lot.evaluatorCriteria();
        try {
            Form f = Form.read(request, body);
            List<RecordingScores.ScoreCommand> given = new ArrayList<>();
            for (Criterion c : criteria) {
                String score = f.text("score-" + c.id());
                String reason = f.text("reason-" + c.id());
                if (score == null && reason == null) {
                    continue;
                }
                if (score == null) {
                    Page.error(model, "score-" + c.id(), "Choose a score for " + lot.publishedTitle(c));
                }
                if (reason == null) {
                    Page.error(model, "reason-" + c.id(), "Give the reason for the score on " + lot.publishedTitle(c) + ", referring to the tender");
                }
                Integer value = score == null ? null : parse(score);
                if (score != null && value == null) {
                    Page.error(model, "score-" + c.id(), "Choose a score for " + lot.publishedTitle(c) + " from the scale");
                }
                given.add(new RecordingScores.ScoreCommand(c.id(), value, reason));
            }
            if (given.isEmpty() && !Page.hasErrors(model)) {
                Page.error(model, "score-" + criteria.getFirst().id(), "Score at least one criterion, with its reason");
            }
            if (Page.hasErrors(model)) {
                return Page.render("evaluate/tender", tenderModel(round, tender, actor, model, f.typed()));
            }
            recording.record(tender.id(), new RecordingScores.ScoringCommand(given), actor);
            return Page.redirect("/evaluate/rounds/" + round.id() + "?scored=" + tender.id());
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> scoreField(field, criteria, body));
            return Page.render("evaluate/tender", tenderModel(round, tender, actor, model, Form.of(body).typed()));
        }
    }

    /** What SC-02 will say of a reason as it is being typed (the page's script asks; without it, saved reasons are checked on the page). */
    @Post(value = "/tenders/{tenderId}/reason-check", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> reasonCheck(String tenderId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = evaluator(authentication, request);
        Tender tender = openable(tenderId, actor);
        Form f = Form.read(request, body);
        Round round = rounds.find(tender.roundId()).orElseThrow();
        Lot lot = round.lot(tender.lotId()).orElseThrow();
        Criterion criterion = lot.evaluatorCriteria().stream().filter(c -> c.id().toString().equals(f.text("criterion"))).findFirst()
                .orElseThrow(() -> ProblemException.badInput("criterion", "is not one of this tender's criteria"));
        String reason = f.text("reason");
        if (reason != null && reason.length() > 10_000) {
            throw ProblemException.badInput("reason", "must be 10,000 characters or fewer");
        }
        String finding = reasonCheck.finding(round, lot, criterion, parse(f.text("score") == null ? "0" : f.text("score")), reason);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("criterion", criterion.id().toString());
        answer.put("warning", finding);
        return HttpResponse.ok(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** A file of a tender this evaluator may open, downloaded from the scoring page. */
    @Get(value = "/tenders/{tenderId}/files/{fileId}", produces = MediaType.APPLICATION_OCTET_STREAM)
    public HttpResponse<?> file(String tenderId, String fileId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = evaluator(authentication, request);
        Tender tender = openable(tenderId, actor);
        Tender.AttachmentRef ref = tender.attachments().stream().filter(a -> a.id().toString().equals(fileId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("file", fileId));
        byte[] content = attachments.content(ref.id()).orElseThrow(() -> ProblemException.notFound("file", fileId));
        return HttpResponse.ok(content).contentType(MediaType.of(ref.contentType()))
                .header("Content-Disposition", org.levelfield.common.web.ContentDisposition.attachment(ref.fileName()))
                .header("X-Content-SHA256", ref.sha256());
    }

    private Map<String, Object> roundModel(Round round, Actor actor, Map<String, Object> model, Map<String, Object> typed) {
        boolean sealed = sealing.isSealed(round);
        model.put("round", round);
        model.put("sealed", sealed);
        model.put("typed", typed);
        model.put("lots", round.lots().stream().filter(l -> panels.sitsOn(l.id(), actor.userId())).map(Lot::title).toList());
        if (sealed) {
            return model;
        }
        Map<UUID, String> bidders = panels.bidders(round.id());
        Map<UUID, Panels.Declaration> declared = panels.declarations(round.id(), actor.userId());
        boolean complete = declared.keySet().containsAll(bidders.keySet());
        model.put("declarationsDone", complete);
        model.put("bidders", new ArrayList<>(bidders.values()));
        model.put("declared", bidders.keySet().stream().map(declared::get).toList());
        if (complete) {
            List<TenderLine> lines = new ArrayList<>();
            List<Tender> live = tenders.ofRound(round.id());
            for (Tender t : live) {
                if (!panels.sitsOn(t.lotId(), actor.userId())) {
                    continue;
                }
                Lot lot = round.lot(t.lotId()).orElseThrow();
                boolean may = panels.mayOpen(round, t, actor);
                long done = may ? scores.currentForTender(t.id()).stream().filter(s -> s.evaluatorId().equals(actor.userId()))
                        .map(Score::criterionId).distinct().count() : 0;
                lines.add(new TenderLine(t.id(), Blinding.applies(round, actor) ? Blinding.label(t, live) : t.organisationName(), lot.title(),
                        (int) done, lot.evaluatorCriteria().size(), may));
            }
            model.put("tenders", lines);
            model.put("left", lines.stream().filter(l -> l.mayScore() && l.scored() < l.toScore()).count());
        }
        return model;
    }

    /** The tender's answers, evidence and files, and for each criterion the published scale, descriptors and the evaluator's last score. */
    private Map<String, Object> tenderModel(Round round, Tender tender, Actor actor, Map<String, Object> model, Map<String, Object> typed) {
        Lot lot = round.lot(tender.lotId()).orElseThrow();
        List<Score> own = scores.currentForTender(tender.id()).stream().filter(s -> s.evaluatorId().equals(actor.userId())).toList();
        Map<String, Object> shown = new LinkedHashMap<>();
        for (Criterion c : lot.evaluatorCriteria()) {
            own.stream().filter(s -> s.criterionId().equals(c.id())).reduce((a, b) -> b).ifPresent(s -> {
                shown.put("score-" + c.id(), String.valueOf(s.score()));
                shown.put("reason-" + c.id(), s.reason());
            });
        }
        shown.putAll(typed);
        Map<UUID, String> answers = new LinkedHashMap<>();
        tender.answers().forEach(a -> answers.put(a.criterionId(), a.text()));
        List<Score> all = scores.currentForTender(tender.id());
        boolean mineAllIn = lot.evaluatorCriteria().stream().allMatch(c -> own.stream().anyMatch(s -> s.criterionId().equals(c.id())));
        var labels = new org.levelfield.common.web.pages.Labels();
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (Criterion c : lot.evaluatorCriteria()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", c.id().toString());
            line.put("title", lot.publishedTitle(c));
            line.put("weight", lot.publishedWeight(c));
            line.put("descriptors", c.descriptors());
            line.put("answer", answers.getOrDefault(c.id(), c.parentId() == null ? null : answers.get(c.parentId())));
            line.put("evidence", c.duty() == null || tender.details() == null ? List.of() : tender.details().equalityEvidence().stream()
                    .filter(e -> c.duty().name().equals(e.duty()))
                    .map(e -> labels.of("EVIDENCE_TYPE", e.type()) + ": " + e.description()).toList());
            line.put("others", mineAllIn ? all.stream().filter(s -> s.criterionId().equals(c.id()) && !s.evaluatorId().equals(actor.userId()))
                    .map(s -> s.evaluatorName() + ": " + s.score() + ". " + s.reason()).toList() : List.of());
            String reason = shown.get("reason-" + c.id()) == null ? null : shown.get("reason-" + c.id()).toString();
            Integer score = shown.get("score-" + c.id()) == null ? null : parse(shown.get("score-" + c.id()).toString());
            line.put("warning", reasonCheck.finding(round, lot, c, score, reason));
            criteria.add(line);
        }
        model.put("mineAllIn", mineAllIn);
        model.put("files", tender.attachments());
        int max = thresholds.current().scaleMax();
        List<String> scale = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            scale.add(String.valueOf(i));
        }
        model.put("round", round);
        model.put("lot", lot);
        model.put("tender", tender);
        model.put("label", label(round, tender, actor));
        model.put("criteria", criteria);
        model.put("scale", scale);
        model.put("typed", shown);
        model.put("open", round.status() == org.levelfield.round.model.RoundStatus.CLOSED || round.status() == org.levelfield.round.model.RoundStatus.EVALUATION);
        return model;
    }

    /** Where the evaluator stands in a round, in a few words for their list. */
    private String state(Round round, Actor actor) {
        if (sealing.isSealed(round)) {
            return "Tenders open after " + org.levelfield.common.web.pages.Dates.dateTime(round.tenderDeadline());
        }
        var bidders = panels.bidders(round.id()).keySet();
        if (!panels.declarations(round.id(), actor.userId()).keySet().containsAll(bidders)) {
            return "Declare any conflicts of interest";
        }
        return "Scoring";
    }

    private String label(Round round, Tender tender, Actor actor) {
        return Blinding.applies(round, actor) ? Blinding.label(tender, tenders.ofRound(round.id())) : "the tender from " + tender.organisationName();
    }

    /** A tender this evaluator may open: on the lot's panel, declared, and free of conflict in the lot (else 403 saying which). */
    private Tender openable(String tenderId, Actor actor) {
        Tender tender;
        try {
            tender = tenders.find(UUID.fromString(tenderId)).orElseThrow(() -> ProblemException.notFound("tender", tenderId));
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("tender", tenderId);
        }
        Round round = rounds.find(tender.roundId()).orElseThrow();
        sealing.requireUnsealed(round);
        if (!Tender.SUBMITTED.equals(tender.status())) {
            throw ProblemException.notFound("tender", tenderId);
        }
        panels.requireMayOpen(round, tender, actor);
        return tender;
    }

    private Round myRound(String roundId, Actor actor) {
        Round round;
        try {
            round = rounds.find(UUID.fromString(roundId)).orElseThrow(() -> ProblemException.notFound("round", roundId));
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("round", roundId);
        }
        if (round.lots().stream().noneMatch(l -> panels.sitsOn(l.id(), actor.userId()))) {
            throw ProblemException.forbidden("You are not on an evaluation panel for round '" + round.title() + "'; the commissioner appoints panels.");
        }
        return round;
    }

    private static Actor evaluator(Authentication authentication, HttpRequest<?> request) {
        return Page.inRole(authentication, request, Role.EVALUATOR);
    }

    private static Integer parse(String score) {
        try {
            return Integer.valueOf(score);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** "declarations[2].nature" is the page's "nature-2". */
    private static String declarationField(String field) {
        var m = java.util.regex.Pattern.compile("declarations\\[(\\d+)]\\.(\\w+)").matcher(field);
        if (!m.matches()) {
            return "declarations";
        }
        return (m.group(2).equals("nature") ? "nature-" : "conflict-") + m.group(1);
    }

    /** "scores[1].reason" is the reason field of the second criterion sent. */
    private static String scoreField(String field, List<Criterion> criteria, Map<String, Object> body) {
        var m = java.util.regex.Pattern.compile("scores\\[(\\d+)]\\.(\\w+)").matcher(field);
        if (!m.matches()) {
            return "score-" + criteria.getFirst().id();
        }
        Form sentForm = Form.of(body);
        List<Criterion> sent = criteria.stream().filter(c -> sentForm.text("score-" + c.id()) != null || sentForm.text("reason-" + c.id()) != null).toList();
        int i = Integer.parseInt(m.group(1));
        Criterion c = i < sent.size() ? sent.get(i) : criteria.getFirst();
        return (m.group(2).equals("reason") ? "reason-" : "score-") + c.id();
    }
}
