package org.levelfield.scrutiny.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import org.levelfield.common.web.RequestThreads;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.levelfield.common.Hashing;
import org.levelfield.common.document.IssuedDocuments;
import org.levelfield.common.document.IssuingDocument;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.scrutiny.ReadingRoom;

/**
 * The scrutiny panel's reading room, for scrutiny members and admins: the rounds to review with their findings,
 * each round's story from the audit trail with the chain verified, its documents as issued, and a check that a
 * document someone was given is exactly one Levelfield issued. Every page only reads.
 */
@Controller("/scrutiny")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ScrutinyPages {

    private final ReadingRoom room;
    private final IssuedDocuments documents;
    private final org.levelfield.scrutiny.ScrutinyPacks packs;
    private final org.levelfield.monitoring.FairnessAnalytics fairness;

    public ScrutinyPages(ReadingRoom room, IssuedDocuments documents, org.levelfield.scrutiny.ScrutinyPacks packs,
                         org.levelfield.monitoring.FairnessAnalytics fairness) {
        this.room = room;
        this.documents = documents;
        this.packs = packs;
        this.fairness = fairness;
    }

    @Get
    public HttpResponse<?> rounds(@Nullable @QueryValue String stage, @Nullable @QueryValue String partner, HttpRequest<?> request,
                                  @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        String asked = stage == null || stage.isBlank() ? null : stage.strip().toUpperCase(Locale.ROOT);
        String chosenStage = java.util.Arrays.stream(RoundStatus.values()).map(Enum::name).filter(n -> n.equals(asked)).findFirst().orElse(null);
        String chosenPartner = partner == null || partner.isBlank() ? null : partner.strip();
        Map<String, Object> model = Page.model("Rounds to review");
        model.put("rounds", room.rounds(chosenStage, chosenPartner));
        model.put("stages", List.of(RoundStatus.values()).stream().map(Enum::name).toList());
        model.put("partners", room.partnerNames());
        model.put("stage", chosenStage);
        model.put("partner", chosenPartner);
        return Page.render("scrutiny/rounds", model);
    }

    @Get("/rounds/{roundId}")
    public HttpResponse<?> round(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        ReadingRoom.Story story = room.story(id(roundId, "round")).orElseThrow(() -> ProblemException.notFound("round", roundId));
        Map<String, Object> model = Page.model("The story of " + story.round().title());
        model.put("story", story);
        model.put("round", story.round());
        model.put("awardComputed", java.util.EnumSet.of(RoundStatus.AWARD_PROPOSED, RoundStatus.STANDSTILL, RoundStatus.AWARDED)
                .contains(story.round().status()));
        return Page.render("scrutiny/round", model);
    }

    /**
     * The award justification as a web page, the same content as the PDF: each score links to its evaluators' reasons,
     * each cap and finding to the rule that applied it.
     */
    @Get("/rounds/{roundId}/award")
    public HttpResponse<?> award(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        ReadingRoom.Story story = room.story(id(roundId, "round")).orElseThrow(() -> ProblemException.notFound("round", roundId));
        var report = room.award(story.round().id()).orElseThrow(() -> ProblemException.notFound("computed award for round", roundId));
        Map<String, Object> model = Page.model(report.title());
        model.put("round", story.round());
        model.put("report", report);
        model.put("document", room.justification(story.round().id()).orElse(null));
        java.util.Map<String, String> caps = new java.util.HashMap<>();
        report.lots().forEach(l -> l.tenders().forEach(t -> t.scores().forEach(sc -> {
            if (sc.method() != null) {
                var m = CAP.matcher(sc.method());
                if (m.find()) {
                    caps.put(sc.method(), m.group(1));
                }
            }
        })));
        model.put("caps", caps);
        model.put("documents", story.documents());
        model.put("fairness", org.levelfield.monitoring.web.FairnessView.of(fairness.analyse(story.round().id())));
        model.put("robustness", report.robustness().stream().map(org.levelfield.award.report.RobustnessChart::of).toList());
        // the pack as a reader downloads it, read back and recomputed: the page says whether it gives the award again
        packs.pack(story.round().id()).ifPresent(pack -> model.put("recomputed", packs.recompute(packs.write(pack))));
        return Page.render("scrutiny/award", model);
    }

    /** Every input, score, finding, rule version and document hash of the round, as JSON that recomputes to its award. */
    @Get(value = "/rounds/{roundId}/pack.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> pack(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        return ScrutinyPackController.download(packs, id(roundId, "round"));
    }

    private static final java.util.regex.Pattern CAP = java.util.regex.Pattern.compile("capped at \\d+ by ([A-Z]{2,3}-\\d{2})");

    /** A rule as it applied to the round: its file from the ruleset frozen at publication, with its citation and legal force. */
    @Get("/rounds/{roundId}/rules/{ruleId}")
    public HttpResponse<?> rule(String roundId, String ruleId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        ReadingRoom.Story story = room.story(id(roundId, "round")).orElseThrow(() -> ProblemException.notFound("round", roundId));
        var files = room.rule(story.round(), ruleId);
        if (files.isEmpty()) {
            throw ProblemException.notFound("rule", ruleId);
        }
        Map<String, Object> model = Page.model("Rule " + ruleId);
        model.put("round", story.round());
        model.put("ruleId", ruleId);
        model.put("files", files);
        return Page.render("scrutiny/rule", model);
    }

    /** A document exactly as it was issued: the stored bytes, never a new rendering. */
    @Get(value = "/rounds/{roundId}/documents/{documentId}", produces = "application/pdf")
    public HttpResponse<?> document(String roundId, String documentId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        UUID round = id(roundId, "round");
        IssuedDocuments.Document d = documents.find(id(documentId, "document")).filter(doc -> doc.roundId().equals(round))
                .orElseThrow(() -> ProblemException.notFound("document", documentId));
        return new IssuingDocument.Issued(d.id(), d.fileName(), d.sha256(), d.content()).asDownload();
    }

    @Get("/check-document")
    public HttpResponse<?> checkForm(HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        return Page.render("scrutiny/check", Page.model("Check a document"));
    }

    /** Recognises a document by its content (an uploaded PDF) or by a pasted SHA-256; stores nothing. */
    @Post(value = "/check-document", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> check(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable CompletedFileUpload file,
                                 @Nullable String sha256, @Nullable String formToken) {
        Page.inRole(authentication, request, Role.SCRUTINY, Role.ADMIN);
        Map<String, Object> model = Page.model("Check a document");
        Form.requireToken(request, formToken);
        String hash;
        String what;
        try {
            if (file != null && file.getSize() > 0) {
                hash = Hashing.sha256(file.getBytes());
                what = "The file " + file.getFilename();
            } else if (sha256 != null && !sha256.isBlank()) {
                hash = sha256.strip().toLowerCase(Locale.ROOT);
                what = "The SHA-256 you entered";
                model.put("sha256", sha256.strip());
                if (!hash.matches("[0-9a-f]{64}")) {
                    Page.error(model, "sha256", "Enter the SHA-256 as 64 characters, each 0 to 9 or a to f");
                    return Page.render("scrutiny/check", model);
                }
            } else {
                Page.error(model, "file", "Select the PDF you were given, or enter its SHA-256");
                return Page.render("scrutiny/check", model);
            }
        } catch (java.io.IOException unreadable) {
            Page.error(model, "file", "The file could not be read. Try again");
            return Page.render("scrutiny/check", model);
        }
        List<IssuedDocuments.Issued> found = documents.withHash(hash);
        model.put("checked", true);
        model.put("what", what);
        model.put("hash", hash);
        model.put("found", found);
        return Page.render("scrutiny/check", model);
    }

    private static UUID id(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound(what, text);
        }
    }
}
