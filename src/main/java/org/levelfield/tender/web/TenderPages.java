package org.levelfield.tender.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.identity.Actor;
import org.levelfield.bidder.OrganisationProfiles;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Money;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.Lot;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.tender.application.AttachingFiles;
import org.levelfield.tender.application.SubmittingTender;
import org.levelfield.tender.application.TenderCommand;
import org.levelfield.tender.infrastructure.Attachments;
import org.levelfield.tender.infrastructure.Tenders;
import org.levelfield.tender.model.Tender;
import org.levelfield.tender.model.TenderDetails;

/**
 * Preparing a tender as a GOV.UK task list: a section per part of the tender, each saved to the
 * organisation's draft for the lot as it is answered; check answers; submit; and a receipt that
 * prints and is emailed. Revise or withdraw until the deadline; after it, read-only. Everything goes
 * through SubmittingTender and AttachingFiles, as the API does.
 */
@Controller
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class TenderPages {

    private final Rounds rounds;
    private final TenderPlaces places;
    private final Tenders tenders;
    private final TenderDrafts drafts;
    private final SubmittingTender submitting;
    private final AttachingFiles attaching;
    private final Attachments attachments;
    private final OrganisationProfiles profiles;
    private final Labels labels;
    private final java.time.Clock clock;

    public TenderPages(Rounds rounds, TenderPlaces places, Tenders tenders, TenderDrafts drafts, SubmittingTender submitting, AttachingFiles attaching,
                       Attachments attachments, OrganisationProfiles profiles, Labels labels, java.time.Clock clock) {
        this.rounds = rounds;
        this.places = places;
        this.tenders = tenders;
        this.drafts = drafts;
        this.submitting = submitting;
        this.attaching = attaching;
        this.attachments = attachments;
        this.profiles = profiles;
        this.labels = labels;
        this.clock = clock;
    }

    @Get("/tenders")
    public HttpResponse<?> mine(HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = Page.person(authentication, request);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Tender t : tenders.ofOrganisations(actor.organisations())) {
            rounds.find(t.roundId()).ifPresent(r -> r.lot(t.lotId()).ifPresent(l -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("tender", t);
                row.put("round", r);
                row.put("lot", l);
                row.put("href", t.isDraft() ? "/rounds/" + r.id() + "/lots/" + l.id() + "/tender" : "/tenders/" + t.id());
                rows.add(row);
            }));
        }
        Map<String, Object> model = Page.model("Your tenders");
        model.put("rows", rows);
        return Page.render("tender/mine", model);
    }

    @Get("/rounds/{roundId}/lots/{lotId}/tender")
    public HttpResponse<?> taskList(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        var live = drafts.live(p.lot(), p.actor());
        var draft = drafts.draft(p.lot(), p.actor());
        if (live.isPresent() && draft.isEmpty()) {
            return Page.redirect("/tenders/" + live.get().id());
        }
        if (!p.open()) {
            Map<String, Object> model = places.model(p, "Tenders for this lot have closed");
            return Page.render("tender/closed", model);
        }
        boolean copied = false;
        if (live.isEmpty() && draft.isEmpty()) {
            var setAside = drafts.setAside(p.lot(), p.actor());
            if (setAside.isPresent()) {
                drafts.startFrom(p.round(), p.lot(), p.actor(), setAside.get());
                copied = true;
            }
        }
        TenderCommand c = drafts.current(p.lot(), p.actor());
        Map<String, Object> model = places.model(p, "Your tender for " + p.lot().title());
        model.put("copiedFromSetAside", copied);
        var profile = profiles.find(p.actor().organisationId()).orElseThrow();
        List<Map<String, Object>> tasks = new ArrayList<>();
        tasks.add(task("About your organisation", "/organisation/profile", profile.incomePence() != null && profile.staffHeadcount() != null
                && profile.accountsType() != null && profile.legalForm() != null, "From your organisation's profile", "organisation"));
        tasks.add(task("Consortium members and subcontractors", p.base() + "/partners", true,
                c.consortium().size() + c.subcontractors().size() == 0 ? "Optional: none added" : (c.consortium().size() + c.subcontractors().size()) + " added", "partners"));
        for (Criterion criterion : p.lot().evaluatorCriteria()) {
            {
                tasks.add(task("Answer: " + p.lot().publishedTitle(criterion), p.base() + "/answers/" + criterion.id(), TenderSections.answered(criterion, c),
                        criterion.wordLimit() == null ? null : "Up to " + criterion.wordLimit() + " words", "answers-" + criterion.id()));
            }
        }
        if (!TenderSections.duties(p.lot()).isEmpty()) {
            tasks.add(task("Equality evidence", p.base() + "/evidence", TenderSections.complete("evidence", c, p.lot()), null, "evidence"));
        }
        tasks.add(task("How you will monitor outcomes", p.base() + "/monitoring", TenderSections.complete("monitoring", c, p.lot()), null, "monitoring"));
        tasks.add(task("Attachments", p.base() + "/attachments", true, c.attachmentIds().isEmpty() ? "Optional: none attached" : c.attachmentIds().size() + " attached", "attachments"));
        if (!p.lot().terms().mandatoryItems().isEmpty()) {
            tasks.add(task("What every tender must provide", p.base() + "/mandatory", TenderSections.complete("mandatory", c, p.lot()), null, "mandatory"));
        }
        if (p.lot().criteria().stream().anyMatch(Criterion::isPrice)) {
            tasks.add(task("Price", p.base() + "/price", TenderSections.complete("price", c, p.lot()), null, "price"));
        }
        tasks.add(task("Declarations", p.base() + "/declarations", TenderSections.complete("declarations", c, p.lot()), null, "declarations"));
        model.put("tasks", tasks);
        model.put("done", tasks.stream().filter(t -> Boolean.TRUE.equals(t.get("complete"))).count());
        model.put("revising", live.isPresent());
        return Page.render("tender/task-list", model);
    }

    private static Map<String, Object> task(String title, String href, boolean complete, String hint, String id) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("title", title);
        t.put("href", href);
        t.put("complete", complete);
        t.put("hint", hint);
        t.put("id", id);
        return t;
    }

    @Get("/rounds/{roundId}/lots/{lotId}/tender/answers/{criterionId}")
    public HttpResponse<?> answerPage(String roundId, String lotId, String criterionId, HttpRequest<?> request, @Nullable Authentication authentication) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        Criterion criterion = criterion(p, criterionId);
        Map<String, Object> model = places.model(p, criterion.title());
        String answer = drafts.current(p.lot(), p.actor()).answers().stream().filter(a -> a.criterionId().equals(criterion.id()))
                .map(TenderCommand.AnswerCommand::answer).findFirst().orElse(null);
        return Page.render("tender/answer", answerModel(model, p.lot(), criterion, answer));
    }

    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/answers/{criterionId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveAnswer(String roundId, String lotId, String criterionId, HttpRequest<?> request,
                                      @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        Criterion criterion = criterion(p, criterionId);
        Map<String, Object> model = places.model(p, criterion.title());
        String typed = Form.of(body).text("answer");
        try {
            Form f = Form.read(request, body);
            places.requireOpen(p);
            String answer = f.text("answer");
            if (criterion.wordLimit() != null && TenderSections.words(answer) > criterion.wordLimit()) {
                Page.error(model, "answer", "Your answer has " + TenderSections.words(answer) + " words: it must be " + criterion.wordLimit() + " words or fewer");
                return Page.render("tender/answer", answerModel(model, p.lot(), criterion, typed));
            }
            if (answer != null && answer.length() > 100_000) {
                Page.error(model, "answer", "Your answer must be 100,000 characters or fewer");
                return Page.render("tender/answer", answerModel(model, p.lot(), criterion, typed));
            }
            drafts.save(p.round(), p.lot(), p.actor(), TenderDrafts.withAnswer(drafts.current(p.lot(), p.actor()), criterion.id(), answer));
            return Page.redirect(p.base() + "?saved=" + criterion.id());
        } catch (ProblemException refused) {
            return Page.render("tender/answer", answerModel(Page.refused(model, refused, f -> "answer"), p.lot(), criterion, typed));
        }
    }

    private Map<String, Object> answerModel(Map<String, Object> model, Lot lot, Criterion criterion, String answer) {
        model.put("criterion", criterion);
        model.put("title", lot.publishedTitle(criterion));
        model.put("carries", criterion.parentId() == null ? "This criterion carries " + lot.publishedWeight(criterion) + "% of the marks."
                : lot.criterion(criterion.parentId()).map(parent -> "This part of '" + parent.title() + "' carries "
                + criterion.exactWeight() + " of its " + parent.exactWeight() + "% of the marks; each part is scored on its own.").orElse(""));
        model.put("answer", answer);
        return model;
    }

    private static Criterion criterion(TenderPlaces.Place p, String criterionId) {
        return p.lot().evaluatorCriteria().stream().filter(c -> c.id().toString().equals(criterionId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("criterion", criterionId));
    }

    @Get("/rounds/{roundId}/lots/{lotId}/tender/{section:evidence|monitoring|mandatory|price|declarations}")
    public HttpResponse<?> sectionPage(String roundId, String lotId, String section, HttpRequest<?> request, @Nullable Authentication authentication) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        Map<String, Object> model = places.model(p, TenderSections.title(section));
        return Page.render("components/question-page", sectionModel(p, section, model,
                TenderSections.typed(section, drafts.current(p.lot(), p.actor()), p.lot())));
    }

    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/{section:evidence|monitoring|mandatory|price|declarations}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveSection(String roundId, String lotId, String section, HttpRequest<?> request,
                                       @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        Map<String, Object> model = places.model(p, TenderSections.title(section));
        Map<String, Object> typed = Form.of(body).typed();
        try {
            Form f = Form.read(request, body);
            places.requireOpen(p);
            TenderCommand changed = TenderSections.apply(section, f, drafts.current(p.lot(), p.actor()), p.lot(), model);
            if (Page.hasErrors(model)) {
                return Page.render("components/question-page", sectionModel(p, section, model, typed));
            }
            drafts.save(p.round(), p.lot(), p.actor(), changed);
            return Page.redirect(p.base() + "?saved=" + section);
        } catch (ProblemException refused) {
            Page.refused(model, refused, TenderPages::sectionField);
            return Page.render("components/question-page", sectionModel(p, section, model, typed));
        }
    }

    private Map<String, Object> sectionModel(TenderPlaces.Place p, String section, Map<String, Object> model, Map<String, Object> typed) {
        model.put("caption", p.lot().title());
        model.put("heading", TenderSections.title(section));
        model.put("intro", List.of("Your answers are saved as a draft when you continue. Nothing is sent until you submit the tender."));
        model.put("questions", TenderSections.questions(section, p.lot(), typed, labels));
        model.put("action", p.base() + "/" + section);
        model.put("button", "Save and continue");
        model.put("back", p.base());
        model.put("cancel", p.base());
        return model;
    }

    /** Where a message from the tender's rules belongs on the pages. */
    static String sectionField(String field) {
        if (field.startsWith("pricePence")) {
            return "price";
        }
        if (field.startsWith("declarations.")) {
            return field.substring("declarations.".length());
        }
        if (field.startsWith("monitoringPlan.")) {
            String f = field.substring("monitoringPlan.".length());
            return f.equals("dataProtectionSafeguards") ? "safeguards" : f;
        }
        return field;
    }

    @Get("/rounds/{roundId}/lots/{lotId}/tender/attachments")
    public HttpResponse<?> attachmentsPage(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        return Page.render("tender/attachments", attachmentsModel(p, places.model(p, "Attachments")));
    }

    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> upload(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication,
                                  @Nullable CompletedFileUpload file, @Nullable String formToken) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        Map<String, Object> model = places.model(p, "Attachments");
        try {
            Form.requireToken(request, formToken);
            places.requireOpen(p);
            if (file == null || file.getFilename() == null || file.getFilename().isBlank() || file.getSize() == 0) {
                Page.error(model, "file", "Select a file to attach");
                return Page.render("tender/attachments", attachmentsModel(p, model));
            }
            String type = file.getContentType().map(MediaType::toString).orElse(null);
            var stored = attaching.attach(file.getFilename(), type, file.getBytes(), p.actor());
            TenderCommand c = drafts.current(p.lot(), p.actor());
            List<UUID> ids = new ArrayList<>(c.attachmentIds());
            ids.add(stored.id());
            drafts.save(p.round(), p.lot(), p.actor(), TenderDrafts.withAttachments(c, ids));
            return Page.redirect(p.base() + "/attachments");
        } catch (java.io.IOException unreadable) {
            Page.error(model, "file", "The file could not be read. Try again");
            return Page.render("tender/attachments", attachmentsModel(p, model));
        } catch (ProblemException refused) {
            return Page.render("tender/attachments", attachmentsModel(Page.refused(model, refused, f -> "file"), p));
        }
    }

    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/attachments/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> removeAttachment(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication,
                                            @Nullable @Body Map<String, Object> body) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        try {
            Form f = Form.read(request, body);
            places.requireOpen(p);
            TenderCommand c = drafts.current(p.lot(), p.actor());
            List<UUID> ids = new ArrayList<>(c.attachmentIds());
            ids.removeIf(id -> id.toString().equals(f.text("attachmentId")));
            drafts.save(p.round(), p.lot(), p.actor(), TenderDrafts.withAttachments(c, ids));
            return Page.redirect(p.base() + "/attachments");
        } catch (ProblemException refused) {
            return Page.render("tender/attachments", attachmentsModel(Page.refused(places.model(p, "Attachments"), refused), p));
        }
    }

    private Map<String, Object> attachmentsModel(Map<String, Object> model, TenderPlaces.Place p) {
        return attachmentsModel(p, model);
    }

    private Map<String, Object> attachmentsModel(TenderPlaces.Place p, Map<String, Object> model) {
        List<UUID> ids = drafts.current(p.lot(), p.actor()).attachmentIds();
        model.put("files", ids.stream().map(attachments::find).flatMap(java.util.Optional::stream).toList());
        model.put("maxMegabytes", attaching.maxBytes() / (1024 * 1024));
        return model;
    }

    @Get("/rounds/{roundId}/lots/{lotId}/tender/check")
    public HttpResponse<?> check(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        return Page.render("tender/check", checkModel(p, places.model(p, "Check your tender before you send it")));
    }

    private Map<String, Object> checkModel(TenderPlaces.Place p, Map<String, Object> model) {
        TenderCommand c = drafts.current(p.lot(), p.actor());
        model.put("tender", c);
        model.put("profile", profiles.find(p.actor().organisationId()).orElseThrow());
        model.put("answers", p.lot().evaluatorCriteria().stream().map(cr -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("criterion", cr);
            row.put("title", p.lot().publishedTitle(cr));
            row.put("answer", c.answers().stream().filter(a -> a.criterionId().equals(cr.id())).map(TenderCommand.AnswerCommand::answer).findFirst().orElse(null));
            return row;
        }).toList());
        model.put("files", c.attachmentIds().stream().map(attachments::find).flatMap(java.util.Optional::stream).toList());
        model.put("priceLot", p.lot().criteria().stream().anyMatch(Criterion::isPrice));
        model.put("revising", drafts.live(p.lot(), p.actor()).isPresent());
        return model;
    }

    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> submit(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication,
                                  @Nullable @Body Map<String, Object> body) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        Map<String, Object> model = places.model(p, "Check your tender before you send it");
        try {
            Form.read(request, body);
            var draft = drafts.draft(p.lot(), p.actor());
            if (draft.isEmpty()) {
                // Sent twice (another tab, or the button pressed again): the tender already went; show it.
                return drafts.live(p.lot(), p.actor()).<HttpResponse<?>>map(t -> Page.redirect("/tenders/" + t.id() + "?sent=yes"))
                        .orElseGet(() -> Page.redirect(p.base()));
            }
            var receipt = submitting.submitDraftAsRevision(draft.get().id(), p.actor());
            return Page.redirect("/tenders/" + receipt.tenderId() + "?sent=yes");
        } catch (ProblemException refused) {
            Page.refused(model, refused, TenderPages::checkField);
            return Page.render("tender/check", checkModel(p, model), HttpStatus.BAD_REQUEST);
        }
    }

    /** A submission refusal's field, as the link to the section of the check-answers page that holds it. */
    static String checkField(String field) {
        if (field.startsWith("answers")) {
            return "section-answers";
        }
        for (String[] prefix : new String[][]{{"consortium", "partners"}, {"subcontractors", "partners"}, {"equalityEvidence", "evidence"},
                {"monitoringPlan", "monitoring"}, {"attachmentIds", "attachments"}, {"mandatoryItems", "mandatory"}, {"pricePence", "price"},
                {"vatBasis", "price"}, {"declarations", "declarations"}, {"legalForm", "organisation"}, {"incomePence", "organisation"},
                {"staffHeadcount", "organisation"}, {"accountsType", "organisation"}}) {
            if (field.startsWith(prefix[0])) {
                return "section-" + prefix[1];
            }
        }
        return "main-content";
    }

    @Get("/tenders/{id}")
    public HttpResponse<?> receipt(String id, HttpRequest<?> request, @Nullable Authentication authentication,
                                   @Nullable @io.micronaut.http.annotation.QueryValue String sent) {
        Actor actor = Page.person(authentication, request);
        Tender tender = own(id, actor);
        Round round = rounds.find(tender.roundId()).orElseThrow();
        Lot lot = round.lot(tender.lotId()).orElseThrow();
        Map<String, Object> model = Page.model("sent".equals(sent) || "yes".equals(sent) ? "Tender sent" : "Your tender");
        model.put("tender", tender);
        model.put("round", round);
        model.put("lot", lot);
        model.put("sent", "yes".equals(sent));
        model.put("open", round.status() == RoundStatus.PUBLISHED && !round.isPastDeadline(clock.instant()));
        model.put("live", Tender.SUBMITTED.equals(tender.status()));
        model.put("decided", java.util.Set.of(RoundStatus.AWARD_PROPOSED, RoundStatus.STANDSTILL, RoundStatus.AWARDED).contains(round.status()));
        model.put("base", "/rounds/" + round.id() + "/lots/" + lot.id() + "/tender");
        model.put("history", tenders.ofOrganisations(List.of(tender.organisationId())).stream()
                .filter(t -> t.lotId().equals(lot.id()) && !t.isDraft()).toList());
        return Page.render("tender/receipt", model);
    }

    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/revise", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> revise(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication,
                                  @Nullable @Body Map<String, Object> body) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        Form.read(request, body);
        places.requireOpen(p);
        if (drafts.draft(p.lot(), p.actor()).isEmpty() && drafts.live(p.lot(), p.actor()).isPresent()) {
            drafts.startRevision(p.round(), p.lot(), p.actor());
        }
        return Page.redirect(p.base());
    }

    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> withdraw(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication,
                                    @Nullable @Body Map<String, Object> body) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        Form f = Form.read(request, body);
        var live = drafts.live(p.lot(), p.actor()).orElseThrow(() -> ProblemException.notFound("tender for this lot", p.lot().id()));
        if (!"yes".equals(f.text("confirm"))) {
            Map<String, Object> model = Page.model("Your tender");
            Page.error(model, "confirm", "Select yes to confirm you want to withdraw your tender");
            return Page.redirect("/tenders/" + live.id() + "?withdraw=confirm");
        }
        submitting.withdraw(live.id(), p.actor());
        return Page.redirect("/tenders/" + live.id());
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
