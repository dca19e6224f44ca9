package org.levelfield.tender.web;

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
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Money;
import org.levelfield.common.web.pages.Page;
import org.levelfield.common.web.pages.Question;
import org.levelfield.tender.application.TenderCommand;
import org.levelfield.tender.infrastructure.Attachments;
import org.levelfield.tender.model.TenderDetails;

/**
 * The tender's consortium members and subcontractors, as a list with one question page per
 * member (with its own declarations) and per subcontractor (its share, payment terms, full cost
 * recovery and the letter committing it). Saved into the draft like every other section.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(RequestThreads.NAME)
@Produces(MediaType.TEXT_HTML)
public class PartnerPages {

    private static final String MEMBER = "/partners/member";
    private static final String SUB = "/partners/subcontractor";

    private final TenderPlaces places;
    private final TenderDrafts drafts;
    private final Attachments attachments;
    private final Labels labels;

    public PartnerPages(TenderPlaces places, TenderDrafts drafts, Attachments attachments, Labels labels) {
        this.places = places;
        this.drafts = drafts;
        this.attachments = attachments;
        this.labels = labels;
    }

    @Get("/rounds/{roundId}/lots/{lotId}/tender/partners")
    public HttpResponse<?> list(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        return Page.render("tender/partners", listModel(p, places.model(p, TenderSections.title("partners"))));
    }

    /** Removes one member or subcontractor (the buttons on the list). */
    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/partners", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> remove(String roundId, String lotId, HttpRequest<?> request, @Nullable Authentication authentication,
                                  @Nullable @Body Map<String, Object> body) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        try {
            Form f = Form.read(request, body);
            places.requireOpen(p);
            TenderCommand c = drafts.current(p.lot(), p.actor());
            List<TenderDetails.ConsortiumMember> members = new ArrayList<>(c.consortium());
            List<TenderDetails.Subcontractor> subs = new ArrayList<>(c.subcontractors());
            String action = String.valueOf(f.text("action"));
            if (action.startsWith("remove-member-")) {
                removeAt(members, action.substring("remove-member-".length()));
            } else if (action.startsWith("remove-sub-")) {
                removeAt(subs, action.substring("remove-sub-".length()));
            }
            drafts.save(p.round(), p.lot(), p.actor(), TenderDrafts.withPartners(c, members, subs));
            return Page.redirect(p.base() + "/partners");
        } catch (ProblemException refused) {
            return Page.render("tender/partners", listModel(p, Page.refused(places.model(p, TenderSections.title("partners")), refused)));
        }
    }

    @Get("/rounds/{roundId}/lots/{lotId}/tender/partners/member{/index}")
    public HttpResponse<?> memberPage(String roundId, String lotId, @Nullable @io.micronaut.http.annotation.PathVariable("index") String index, HttpRequest<?> request,
                                      @Nullable Authentication authentication) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        List<TenderDetails.ConsortiumMember> members = drafts.current(p.lot(), p.actor()).consortium();
        Integer at = position(index, members.size());
        Map<String, Object> typed = at == null ? Map.of() : typedMember(members.get(at));
        return Page.render("components/question-page", memberModel(p, at, places.model(p, heading("consortium member", at)), typed));
    }

    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/partners/member{/index}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveMember(String roundId, String lotId, @Nullable @io.micronaut.http.annotation.PathVariable("index") String index, HttpRequest<?> request,
                                      @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        TenderCommand c = drafts.current(p.lot(), p.actor());
        Integer at = position(index, c.consortium().size());
        Map<String, Object> model = places.model(p, heading("consortium member", at));
        Map<String, Object> typed = Form.of(body).typed();
        try {
            Form f = Form.read(request, body);
            places.requireOpen(p);
            TenderDetails.ConsortiumMember member = readMember(f, model);
            if (Page.hasErrors(model)) {
                return Page.render("components/question-page", memberModel(p, at, model, typed));
            }
            List<TenderDetails.ConsortiumMember> members = new ArrayList<>(c.consortium());
            putAt(members, at, member);
            drafts.save(p.round(), p.lot(), p.actor(), TenderDrafts.withPartners(c, members, c.subcontractors()));
            return Page.redirect(p.base() + "/partners");
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> memberField(field));
            return Page.render("components/question-page", memberModel(p, at, model, typed));
        }
    }

    @Get("/rounds/{roundId}/lots/{lotId}/tender/partners/subcontractor{/index}")
    public HttpResponse<?> subPage(String roundId, String lotId, @Nullable @io.micronaut.http.annotation.PathVariable("index") String index, HttpRequest<?> request,
                                   @Nullable Authentication authentication) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        List<TenderDetails.Subcontractor> subs = drafts.current(p.lot(), p.actor()).subcontractors();
        Integer at = position(index, subs.size());
        Map<String, Object> typed = at == null ? Map.of() : typedSub(subs.get(at));
        return Page.render("components/question-page", subModel(p, at, places.model(p, heading("subcontractor", at)), typed));
    }

    @Post(value = "/rounds/{roundId}/lots/{lotId}/tender/partners/subcontractor{/index}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveSub(String roundId, String lotId, @Nullable @io.micronaut.http.annotation.PathVariable("index") String index, HttpRequest<?> request,
                                   @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        TenderPlaces.Place p = places.place(roundId, lotId, authentication, request);
        TenderCommand c = drafts.current(p.lot(), p.actor());
        Integer at = position(index, c.subcontractors().size());
        Map<String, Object> model = places.model(p, heading("subcontractor", at));
        Map<String, Object> typed = Form.of(body).typed();
        try {
            Form f = Form.read(request, body);
            places.requireOpen(p);
            TenderDetails.Subcontractor sub = readSub(f, c, model);
            if (Page.hasErrors(model)) {
                return Page.render("components/question-page", subModel(p, at, model, typed));
            }
            List<TenderDetails.Subcontractor> subs = new ArrayList<>(c.subcontractors());
            putAt(subs, at, sub);
            drafts.save(p.round(), p.lot(), p.actor(), TenderDrafts.withPartners(c, c.consortium(), subs));
            return Page.redirect(p.base() + "/partners");
        } catch (ProblemException refused) {
            Page.refused(model, refused, field -> subField(field));
            return Page.render("components/question-page", subModel(p, at, model, typed));
        }
    }

    private Map<String, Object> listModel(TenderPlaces.Place p, Map<String, Object> model) {
        TenderCommand c = drafts.current(p.lot(), p.actor());
        model.put("members", c.consortium());
        model.put("subs", c.subcontractors());
        Map<String, String> letters = new LinkedHashMap<>();
        c.subcontractors().stream().map(TenderDetails.Subcontractor::commitmentLetterId).filter(java.util.Objects::nonNull)
                .forEach(id -> attachments.find(id).ifPresent(a -> letters.put(id.toString(), a.fileName())));
        model.put("letters", letters);
        model.put("consortiaAllowed", p.round().details() == null || !Boolean.FALSE.equals(p.round().details().consortiaAllowed()));
        return model;
    }

    private static String heading(String what, Integer at) {
        return at == null ? "Add a " + what : "Change a " + what;
    }

    private Map<String, Object> memberModel(TenderPlaces.Place p, Integer at, Map<String, Object> model, Map<String, Object> t) {
        List<Question> q = new ArrayList<>();
        q.add(Question.text("memberName", "Name of the member organisation", null, t.get("memberName")));
        q.add(Question.radios("memberLegalForm", "What kind of organisation is it?", null, labels.options("LEGAL_FORM"), t.get("memberLegalForm")));
        q.add(Question.text("memberNumber", "Its registration number",
                "Its charity, company or society number, for example GB-CHC-1234567. Leave this empty only for an unregistered group", t.get("memberNumber")));
        q.add(Question.money("memberTurnover", "Its yearly income or turnover",
                "From its latest accounts, for example £85,000. The members' incomes are added together for the financial test", t.get("memberTurnover")));
        q.add(Question.text("memberRole", "What will it deliver?", "For example the advocacy service in the north of the borough", t.get("memberRole")));
        q.addAll(TenderSections.declarationQuestions("this member", t));
        return questionModel(p, model, at == null ? "Add a consortium member" : "Change a consortium member",
                List.of("Each member answers the same declarations as you. Its answers are checked as yours are."),
                q, p.base() + MEMBER + (at == null ? "" : "/" + at));
    }

    private Map<String, Object> subModel(TenderPlaces.Place p, Integer at, Map<String, Object> model, Map<String, Object> t) {
        TenderCommand c = drafts.current(p.lot(), p.actor());
        List<Labels.Option> letters = new ArrayList<>();
        c.attachmentIds().forEach(id -> attachments.find(id).ifPresent(a -> letters.add(new Labels.Option(id.toString(), a.fileName(), null))));
        letters.add(new Labels.Option("none", "Not attached yet", "Upload the letter on the Attachments page, then choose it here"));
        List<Question> q = new ArrayList<>();
        q.add(Question.text("subName", "Name of the subcontractor or delivery partner", null, t.get("subName")));
        q.add(Question.radios("subKind", "Are they a subcontractor, a delivery partner or a referral partner?", null, labels.options("PARTNER_KIND"), t.get("subKind")));
        q.add(Question.text("subNumber", "Their registration number (optional)", null, t.get("subNumber")));
        q.add(Question.text("subSpecialism", "What do they specialise in? (optional)",
                "For example a by-and-for service for Black and minoritised women", t.get("subSpecialism")));
        q.add(Question.number("subShare", "Their share of the contract value, in per cent", "A whole number from 1 to 99, for example 30. Leave empty for a referral partner", t.get("subShare")));
        q.add(Question.number("subPaymentDays", "Within how many days of their invoice will you pay them?",
                "30 days or fewer keeps to the Compact's payment terms", t.get("subPaymentDays")));
        q.add(Question.yesNo("subFullCost", "Will you pay them on full cost recovery, including a fair share of their overheads?", null,
                t.get("subFullCost")));
        q.add(Question.radios("subLetter", "Which attachment is the letter in which they commit to the work?",
                "Evaluators look for a signed letter when your tender relies on a partner for an equality duty", letters, t.get("subLetter")));
        q.add(Question.checkboxes("subDuties", "Which equality duties does your tender rely on them for? (optional)", null,
                labels.options("DUTY", TenderSections.duties(p.lot())), listOf(t.get("subDuties"))));
        return questionModel(p, model, at == null ? "Add a subcontractor" : "Change a subcontractor", List.of(), q,
                p.base() + SUB + (at == null ? "" : "/" + at));
    }

    private static Map<String, Object> questionModel(TenderPlaces.Place p, Map<String, Object> model, String heading, List<String> intro,
                                                     List<Question> questions, String action) {
        model.put("caption", p.lot().title());
        model.put("heading", heading);
        model.put("intro", intro);
        model.put("questions", questions);
        model.put("action", action);
        model.put("button", "Save and continue");
        model.put("back", p.base() + "/partners");
        model.put("cancel", p.base() + "/partners");
        return model;
    }

    private static TenderDetails.ConsortiumMember readMember(Form f, Map<String, Object> model) {
        if (!f.has("memberName")) {
            Page.error(model, "memberName", "Enter the member's name");
        }
        if (!f.has("memberLegalForm")) {
            Page.error(model, "memberLegalForm", "Select what kind of organisation the member is");
        }
        if (!f.has("memberNumber") && f.has("memberLegalForm") && !"UNINCORPORATED".equals(f.text("memberLegalForm"))) {
            Page.error(model, "memberNumber", "Enter the member's registration number, like GB-CHC-1234567. Only an unregistered group can leave it out");
        }
        Money.Read turnover = Money.pounds(f.text("memberTurnover"), "the member's yearly income");
        if (!f.has("memberTurnover")) {
            Page.error(model, "memberTurnover", "Enter the member's yearly income, or 0");
        } else if (!turnover.ok()) {
            Page.error(model, "memberTurnover", turnover.problem());
        }
        if (!f.has("memberRole")) {
            Page.error(model, "memberRole", "Say what the member will deliver");
        }
        TenderDetails.Declarations d = TenderSections.declarations(f, model);
        required(model, d.mandatoryExclusionGround(), "mandatoryExclusionGround", "Select yes if a mandatory exclusion ground applies to this member");
        required(model, d.discretionaryExclusionGround(), "discretionaryExclusionGround", "Select yes if a discretionary exclusion ground applies to this member");
        required(model, d.conflictOfInterest(), "conflictOfInterest", "Select yes if anyone in this member has a conflict of interest");
        if (Boolean.TRUE.equals(d.conflictOfInterest()) && !f.has("conflictDetails")) {
            Page.error(model, "conflictDetails", "Describe the conflict of interest");
        }
        return new TenderDetails.ConsortiumMember(f.text("memberName"), f.text("memberNumber"), f.text("memberLegalForm"),
                turnover.pence(), f.text("memberRole"), d);
    }

    private static TenderDetails.Subcontractor readSub(Form f, TenderCommand c, Map<String, Object> model) {
        if (!f.has("subName")) {
            Page.error(model, "subName", "Enter the subcontractor's name");
        }
        if (!f.has("subKind")) {
            Page.error(model, "subKind", "Select whether they are a subcontractor or a delivery partner");
        }
        boolean referral = TenderDetails.REFERRAL_PARTNER.equals(f.text("subKind"));
        Integer share = null;
        Integer days = null;
        Boolean fullCost = f.yesNo("subFullCost");
        if (referral) {
            // a referral partner has no share of the funding, so no payment terms either
            if (f.has("subShare") && !"0".equals(f.text("subShare").replace("%", "").strip())) {
                Page.error(model, "subShare", "A referral partner has no share of the contract value: leave it empty, or choose delivery partner");
            }
        } else {
            share = whole(f, model, "subShare", 1, 99, "Enter their share as a whole number from 1 to 99, like 30");
            days = whole(f, model, "subPaymentDays", 0, 120, "Enter the days as a whole number from 0 to 120, like 30");
            required(model, fullCost, "subFullCost", "Select yes if you will pay them on full cost recovery");
        }
        UUID letter = null;
        if (!f.has("subLetter")) {
            Page.error(model, "subLetter", "Select the letter, or select 'Not attached yet'");
        } else if (!"none".equals(f.text("subLetter"))) {
            letter = c.attachmentIds().stream().filter(id -> id.toString().equals(f.text("subLetter"))).findFirst().orElse(null);
            if (letter == null) {
                Page.error(model, "subLetter", "Select one of this tender's attachments, or 'Not attached yet'");
            }
        }
        return new TenderDetails.Subcontractor(f.text("subName"), f.text("subNumber"), f.text("subKind"), f.text("subSpecialism"),
                share, letter, days, fullCost, f.list("subDuties"));
    }

    private static List<?> listOf(Object typed) {
        return typed instanceof List<?> l ? l : typed == null ? List.of() : List.of(typed);
    }

    private static Integer whole(Form f, Map<String, Object> model, String field, int least, int most, String problem) {
        if (!f.has(field)) {
            Page.error(model, field, problem);
            return null;
        }
        try {
            int n = Integer.parseInt(f.text(field).replace("%", "").strip());
            if (n < least || n > most) {
                Page.error(model, field, problem);
            }
            return n;
        } catch (NumberFormatException notANumber) {
            Page.error(model, field, problem);
            return null;
        }
    }

    private static void required(Map<String, Object> model, Boolean answer, String field, String problem) {
        if (answer == null) {
            Page.error(model, field, problem);
        }
    }

    private static Map<String, Object> typedMember(TenderDetails.ConsortiumMember m) {
        Map<String, Object> t = new LinkedHashMap<>(TenderSections.typedDeclarations(m.declarations()));
        t.put("memberName", m.name());
        t.put("memberNumber", m.registrationNumber());
        t.put("memberLegalForm", m.legalForm());
        t.put("memberTurnover", Money.typed(m.turnoverPence()));
        t.put("memberRole", m.role());
        return t;
    }

    private static Map<String, Object> typedSub(TenderDetails.Subcontractor s) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("subName", s.name());
        t.put("subNumber", s.registrationNumber());
        t.put("subKind", s.kind());
        t.put("subSpecialism", s.specialism());
        t.put("subShare", s.sharePercent());
        t.put("subPaymentDays", s.paymentDays());
        t.put("subFullCost", s.fullCostRecovery() == null ? null : s.fullCostRecovery() ? "yes" : "no");
        t.put("subLetter", s.commitmentLetterId() == null ? (s.fullCostRecovery() == null ? null : "none") : s.commitmentLetterId().toString());
        t.put("subDuties", s.duties());
        return t;
    }

    /** Where a message from the tender's checks about a member belongs on the member page. */
    static String memberField(String field) {
        String f = field.replaceFirst("^consortium\\[\\d+]\\.?", "");
        return switch (f) {
            case "", "name" -> "memberName";
            case "registrationNumber" -> "memberNumber";
            case "legalForm" -> "memberLegalForm";
            case "turnoverPence" -> "memberTurnover";
            case "role" -> "memberRole";
            default -> f.startsWith("declarations.") ? f.substring("declarations.".length()) : "memberName";
        };
    }

    /** Where a message from the tender's checks about a subcontractor belongs on its page. */
    static String subField(String field) {
        String f = field.replaceFirst("^subcontractors(\\[\\d+])?\\.?", "");
        return switch (f) {
            case "registrationNumber" -> "subNumber";
            case "kind" -> "subKind";
            case "specialism" -> "subSpecialism";
            case "sharePercent", "" -> "subShare";
            case "paymentDays" -> "subPaymentDays";
            case "commitmentLetterId" -> "subLetter";
            default -> f.startsWith("duties") ? "subDuties" : "subName";
        };
    }

    /** The position named in the address, or null for a new one; 404 for one that is not there. */
    private static Integer position(String index, int size) {
        if (index == null || index.isBlank()) {
            return null;
        }
        try {
            int i = Integer.parseInt(index);
            if (i >= 0 && i < size) {
                return i;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to not found
        }
        throw ProblemException.notFound("partner", index);
    }

    private static <T> void putAt(List<T> list, Integer at, T item) {
        if (at == null || at >= list.size()) {
            list.add(item);
        } else {
            list.set(at, item);
        }
    }

    private static void removeAt(List<?> list, String index) {
        try {
            int i = Integer.parseInt(index);
            if (i >= 0 && i < list.size()) {
                list.remove(i);
            }
        } catch (NumberFormatException ignored) {
            // nothing to remove
        }
    }
}
