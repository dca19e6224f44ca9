package org.levelfield.round.web.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Money;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.application.AmendingRound;
import org.levelfield.round.application.DraftingRound;
import org.levelfield.round.application.RoundCommand;
import org.levelfield.round.infrastructure.RoundDesigns;
import org.levelfield.round.infrastructure.RoundDesigns.Design;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;
import org.levelfield.round.model.RoundStatus;
import org.levelfield.round.web.design.DesignFields.Field;
import org.levelfield.round.web.design.DesignFields.Group;

/**
 * Designing a round in question pages: a task list (about the round, partners and their budget lines,
 * each lot with its conditions and award criteria, the equality impact assessment as a grid of
 * characteristic and duty limb, the round's details), each page saving its answers to the design's
 * working copy, then the answers checked and saved as the round (or as a draft round's new design),
 * where the round-design rules check it. Nothing typed is lost between pages; nothing is saved as the
 * round until the commissioner checks the answers.
 */
@Controller("/manage")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class DesignPages {

    private static final String VISITED = "_visited";
    private static final List<String> LIMBS = List.of("ELIMINATE_DISCRIMINATION", "ADVANCE_EQUALITY", "FOSTER_GOOD_RELATIONS");
    private static final Labels LABELS = new Labels();

    private final RoundDesigns designs;
    private final Rounds rounds;
    private final DraftingRound drafting;
    private final AmendingRound amending;
    private final ObjectMapper json;
    private final java.time.Clock clock;

    public DesignPages(RoundDesigns designs, Rounds rounds, DraftingRound drafting, AmendingRound amending, ObjectMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.amending = amending;
        this.designs = designs;
        this.rounds = rounds;
        this.drafting = drafting;
        this.json = json;
    }

    // ---- starting ----

    @Get("/rounds/new")
    public HttpResponse<?> startNew(HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        return aboutPage(null, json.createObjectNode(), Page.model("Design a new round"), Map.of());
    }

    @Post(value = "/rounds/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> createNew(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = commissioner(authentication, request);
        Map<String, Object> model = Page.model("Design a new round");
        ObjectNode copy = json.createObjectNode();
        try {
            Form form = Form.read(request, body);
            List<Group> groups = List.of(new Group(copy, "", DesignSections.ABOUT));
            boolean read = DesignFields.read(groups, form, model);
            if (required(model, copy, "title", "Enter the name of the round") && read) {
                visited(copy, "about");
                Design design = designs.create(null, copy, actor.userId());
                return Page.redirect(base(design));
            }
        } catch (ProblemException refused) {
            Page.refused(model, refused);
        }
        return aboutPage(null, copy, model, Form.of(body).typed());
    }

    /** A draft round's design opened for change: its working copy, made from the round if there is none yet. */
    @Get("/rounds/{roundId}/design{?to}")
    public HttpResponse<?> openRound(String roundId, @Nullable @QueryValue String to, HttpRequest<?> request, @Nullable Authentication authentication) {
        Actor actor = commissioner(authentication, request);
        Round round = rounds.named(roundId);
        if (amendable(round)) {
            Design design = designs.ofRound(round.id()).orElseGet(() -> designs.create(round.id(),
                    json.valueToTree(DesignCopy.of(round)), actor.userId()));
            return Page.redirect(base(design) + "/amend");
        }
        if (round.status() != RoundStatus.DRAFT) {
            throw ProblemException.wrongState("The design of '" + round.title() + "' can be changed only while it is a draft; it is now "
                    + LABELS.of("ROUND_STATUS", round.status().name()).toLowerCase(java.util.Locale.UK)
                    + (round.status() == RoundStatus.DESIGN_APPROVED ? ". Reopen the design from the round's page to change it." : "."),
                    round.status().name(), round.status().allowedActions());
        }
        Design design = designs.ofRound(round.id()).orElseGet(() -> designs.create(round.id(),
                json.valueToTree(DesignCopy.of(round)), actor.userId()));
        String target = to == null ? "" : Page.localPath("/" + to);
        return Page.redirect(base(design) + (target.equals("/") ? "" : target.replaceAll("[^A-Za-z0-9/_-]", "")));
    }

    // ---- the task list ----

    @Get("/designs/{id}")
    public HttpResponse<?> tasks(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id, true);
        if (design.roundId() != null && rounds.find(design.roundId()).map(this::amendable).orElse(false)) {
            return Page.redirect(base(design) + "/amend");
        }
        ObjectNode copy = design.body();
        Map<String, Object> model = Page.model("Design: " + design.title());
        model.put("design", design);
        model.put("base", base(design));
        model.put("round", design.roundId() == null ? null : rounds.find(design.roundId()).orElse(null));
        List<Task> about = List.of(new Task("about", "About the round", "Its name, what it buys, the commencement date and the deadline",
                base(design) + "/about", aboutStatus(copy)),
                new Task("partners", "Partners and their budgets", pooledHint(copy), base(design) + "/partners", partnersStatus(copy)));
        List<Task> lots = new ArrayList<>();
        ArrayNode lotNodes = DesignFields.array(copy, "lots");
        for (int i = 0; i < lotNodes.size(); i++) {
            JsonNode lot = lotNodes.get(i);
            String name = "Lot " + (i + 1) + ": " + DesignFields.text(lot.path("title"));
            lots.add(new Task("lot-" + i, name, "What is bought, for whom, its price and mandatory requirements", base(design) + "/lots/" + i,
                    lot.hasNonNull("title") && lot.hasNonNull("valueInclVatPence") && lot.hasNonNull("termMonths") ? COMPLETED : INCOMPLETE));
            lots.add(new Task("lot-" + i + "-conditions", name + ": who may bid", "Turnover, accounts, insurance, experience and any reservation",
                    base(design) + "/lots/" + i + "/conditions", visitedStatus(lot, "conditions")));
            lots.add(new Task("lot-" + i + "-criteria", name + ": award criteria", weightsHint(lot), base(design) + "/lots/" + i + "/criteria",
                    criteriaStatus(lot)));
        }
        List<Task> equality = List.of(new Task("eqia", "Equality impact assessment", "Evidence, impact and mitigation for each protected "
                + "characteristic and each aim of the equality duty", base(design) + "/eqia", eqiaStatus(copy)));
        List<Task> details = new ArrayList<>();
        for (var page : DesignSections.DETAILS.values()) {
            details.add(new Task("details-" + page.key(), page.title(), page.hint(), base(design) + "/details/" + page.key(),
                    visitedStatus(copy, page.key())));
        }
        details.add(2, new Task("details-incumbents", "Current providers", "Providers the round replaces or changes, their funding and notice "
                + "(RD-17, SS-01)", base(design) + "/details/incumbents", visitedStatus(copy, "incumbents")));
        model.put("sections", List.of(new TaskSection("Round and partners", about), new TaskSection("Lots", lots),
                new TaskSection("Equality", equality), new TaskSection("The round's details", details)));
        long done = java.util.stream.Stream.of(about, lots, equality, details).flatMap(List::stream).filter(t -> t.status().equals(COMPLETED)).count();
        long all = java.util.stream.Stream.of(about, lots, equality, details).mapToLong(List::size).sum();
        model.put("done", done);
        model.put("all", all);
        return Page.render("manage/design/tasks", model);
    }

    public record Task(String id, String title, String hint, String href, String status) {
    }

    public record TaskSection(String title, List<Task> tasks) {
    }

    static final String COMPLETED = "Completed";
    static final String INCOMPLETE = "Incomplete";
    static final String NOT_STARTED = "Not yet started";

    private static String aboutStatus(ObjectNode copy) {
        int given = (int) java.util.stream.Stream.of("title", "commencementDate", "tenderDeadline").filter(copy::hasNonNull).count();
        return given == 3 ? COMPLETED : given == 0 ? NOT_STARTED : INCOMPLETE;
    }

    private static String partnersStatus(ObjectNode copy) {
        JsonNode partners = copy.path("partners");
        if (partners.isEmpty()) {
            return NOT_STARTED;
        }
        long leads = 0;
        for (JsonNode p : partners) {
            leads += p.path("lead").asBoolean(false) ? 1 : 0;
            if (p.path("budgetLines").isEmpty()) {
                return INCOMPLETE;
            }
        }
        return leads == 1 ? COMPLETED : INCOMPLETE;
    }

    private static String criteriaStatus(JsonNode lot) {
        JsonNode criteria = lot.path("criteria");
        if (criteria.isEmpty()) {
            return NOT_STARTED;
        }
        return totalWeight(lot).compareTo(java.math.BigDecimal.valueOf(100)) == 0 ? COMPLETED : INCOMPLETE;
    }

    private static java.math.BigDecimal totalWeight(JsonNode lot) {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (JsonNode c : lot.path("criteria")) {
            total = total.add(c.path("weight").isNumber() ? c.path("weight").decimalValue() : java.math.BigDecimal.ZERO);
        }
        return total.stripTrailingZeros();
    }

    private static String weightsHint(JsonNode lot) {
        int count = lot.path("criteria").size();
        return count == 0 ? "Price, quality and equality criteria with their weights, descriptors and method"
                : count + (count == 1 ? " criterion" : " criteria") + "; weights add up to " + totalWeight(lot).toPlainString() + " of 100";
    }

    private static String pooledHint(ObjectNode copy) {
        long total = pooled(copy);
        int count = copy.path("partners").size();
        return count == 0 ? "Who pools budget into the round, and how much" : count + (count == 1 ? " partner" : " partners")
                + " pooling " + Money.format(total);
    }

    private static long pooled(JsonNode copy) {
        long total = 0;
        for (JsonNode p : copy.path("partners")) {
            for (JsonNode line : p.path("budgetLines")) {
                total += line.path("amountPence").asLong(0);
            }
        }
        return total;
    }

    private static String eqiaStatus(ObjectNode copy) {
        JsonNode eqia = copy.path("eqia");
        if (eqia.isMissingNode() || eqia.isNull()) {
            return NOT_STARTED;
        }
        boolean complete = eqia.hasNonNull("assessedOn") && eqia.hasNonNull("relevance");
        for (var c : DesignSections.CHARACTERISTICS) {
            for (String limb : limbsOf(c.value())) {
                complete &= cellState(eqia, c.value(), limb).equals(DONE) || cellState(eqia, c.value(), limb).equals(NOT_APPLICABLE);
            }
        }
        return complete ? COMPLETED : INCOMPLETE;
    }

    private static String visitedStatus(JsonNode node, String key) {
        for (JsonNode v : node.path(VISITED)) {
            if (v.asText().equals(key)) {
                return COMPLETED;
            }
        }
        return NOT_STARTED;
    }

    private static void visited(ObjectNode node, String key) {
        ArrayNode list = DesignFields.array(node, VISITED);
        for (JsonNode v : list) {
            if (v.asText().equals(key)) {
                return;
            }
        }
        list.add(key);
    }

    // ---- about the round ----

    @Get("/designs/{id}/about")
    public HttpResponse<?> about(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        return aboutPage(design, design.body(), Page.model("About the round"), Map.of());
    }

    @Post(value = "/designs/{id}/about", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveAbout(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id);
        Map<String, Object> model = Page.model("About the round");
        ObjectNode copy = design.body().deepCopy();
        return saveOrShow(request, body, model, design, copy, List.of(new Group(copy, "", DesignSections.ABOUT)),
                () -> required(model, copy, "title", "Enter the name of the round"), "about", base(design),
                () -> aboutPage(design, design.body(), model, Form.of(body).typed()));
    }

    private HttpResponse<?> aboutPage(Design design, ObjectNode copy, Map<String, Object> model, Map<String, Object> typed) {
        return question(model, design == null ? "Design a new round" : design.title(), "About the round",
                List.of("Bidders read these answers first. You can change any of them until the design is approved."),
                List.of(new Group(copy, "", DesignSections.ABOUT)), typed,
                design == null ? "/manage/rounds/new" : base(design) + "/about", design == null ? "Start designing the round" : "Save and continue",
                design == null ? "/manage/rounds" : base(design));
    }

    // ---- partners ----

    @Get("/designs/{id}/partners")
    public HttpResponse<?> partners(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body();
        long total = pooled(copy);
        List<ListRow> rows = new ArrayList<>();
        ArrayNode partners = DesignFields.array(copy, "partners");
        for (int i = 0; i < partners.size(); i++) {
            JsonNode p = partners.get(i);
            long amount = 0;
            List<String> lines = new ArrayList<>();
            for (JsonNode line : p.path("budgetLines")) {
                amount += line.path("amountPence").asLong(0);
                lines.add(line.path("financialYear").asText("") + ": " + Money.format(line.path("amountPence").asLong(0))
                        + (line.hasNonNull("purpose") ? " (" + line.path("purpose").asText() + ")" : ""));
            }
            String name = DesignFields.text(p.path("name"));
            rows.add(new ListRow(List.of(name + (p.path("lead").asBoolean(false) ? " (lead partner)" : ""),
                    lines.isEmpty() ? "No budget line yet" : String.join("; ", lines), Money.format(amount),
                    total == 0 ? "-" : java.math.BigDecimal.valueOf(amount * 100).divide(java.math.BigDecimal.valueOf(total), 1,
                            java.math.RoundingMode.HALF_UP) + "%"),
                    base(design) + "/partners/" + i, name, base(design) + "/partners/" + i + "/remove"));
        }
        Map<String, Object> model = Page.model("Partners and their budgets");
        return list(model, design, "Partners and their budgets", List.of("Each partner pools budget lines into the round. The lead partner runs the "
                        + "round; every partner signs off the design before it is approved."),
                List.of("Partner", "Budget lines", "Amount", "Share"), rows, List.of("Pooled budget", "", Money.format(total), total == 0 ? "-" : "100%"),
                base(design) + "/partners/new", partners.isEmpty() ? "Add a partner" : "Add another partner");
    }

    @Get("/designs/{id}/partners/{index}")
    public HttpResponse<?> partner(String id, String index, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body().deepCopy();
        return partnerPage(design, copy, item(copy, "partners", index), index, Page.model("Partner"), Map.of());
    }

    @Post(value = "/designs/{id}/partners/{index}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> savePartner(String id, String index, HttpRequest<?> request, @Nullable Authentication authentication,
                                       @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body().deepCopy();
        ObjectNode partner = item(copy, "partners", index);
        Map<String, Object> model = Page.model("Partner");
        List<Group> groups = partnerGroups(copy, partner, budgetRows(partner));
        return saveOrShow(request, body, model, design, copy, groups, () -> {
            boolean ok = required(model, partner, "name", "Enter the partner's name") & required(model, partner, "type", "Choose what kind of body the partner is");
            ArrayNode kept = json.createArrayNode();
            for (Group g : groups.subList(1, groups.size())) {
                ObjectNode line = g.node();
                boolean any = line.hasNonNull("financialYear") || line.hasNonNull("amountPence") || line.hasNonNull("purpose");
                if (!any) {
                    continue;
                }
                if (!line.path("financialYear").asText("").matches("\\d{4}/\\d{2}")) {
                    Page.error(model, g.prefix() + "financialYear", "Enter the financial year of this budget line like 2027/28");
                    ok = false;
                }
                if (!line.hasNonNull("amountPence")) {
                    Page.error(model, g.prefix() + "amountPence", "Enter the amount of this budget line");
                    ok = false;
                }
                kept.add(line);
            }
            partner.set("budgetLines", kept);
            if (partner.path("lead").asBoolean(false)) {
                for (JsonNode other : copy.path("partners")) {
                    if (other != partner) {
                        ((ObjectNode) other).put("lead", false);
                    }
                }
            }
            return ok;
        }, null, base(design) + "/partners", () -> partnerPage(design, design.body().deepCopy(), null, index, model, Form.of(body).typed()));
    }

    private List<ObjectNode> budgetRows(ObjectNode partner) {
        List<ObjectNode> rows = new ArrayList<>();
        partner.path("budgetLines").forEach(l -> rows.add(((ObjectNode) l).deepCopy()));
        rows.add(json.createObjectNode());
        rows.add(json.createObjectNode());
        return rows;
    }

    private List<Group> partnerGroups(ObjectNode copy, ObjectNode partner, List<ObjectNode> lines) {
        List<Labels.Option> types = new ArrayList<>(DesignSections.PARTNER_TYPES);
        String type = DesignFields.text(partner.path("type"));
        if (!type.isEmpty() && types.stream().noneMatch(o -> o.value().equals(type))) {
            types.add(new Labels.Option(type, LABELS.of("PARTNER_TYPE", type), null));
        }
        List<Group> groups = new ArrayList<>();
        groups.add(new Group(partner, "", DesignSections.partner(types)));
        for (int k = 0; k < lines.size(); k++) {
            List<Field> fields = new ArrayList<>();
            fields.add(k == 0 ? DesignFields.heading("Budget lines", "What the partner puts into the pooled budget, a line for each financial year or purpose. "
                    + "Leave a line empty if it is not needed.") : DesignFields.heading("Budget line " + (k + 1)));
            fields.addAll(DesignSections.BUDGET_LINE);
            groups.add(new Group(lines.get(k), "line-" + k + "-", fields));
        }
        return groups;
    }

    private HttpResponse<?> partnerPage(Design design, ObjectNode copy, ObjectNode partner, String index, Map<String, Object> model, Map<String, Object> typed) {
        ObjectNode shown = partner == null ? item(copy, "partners", index) : partner;
        long others = 0;
        for (JsonNode p : copy.path("partners")) {
            if (p != shown) {
                for (JsonNode line : p.path("budgetLines")) {
                    others += line.path("amountPence").asLong(0);
                }
            }
        }
        model.put("liveTotal", others);
        return question(model, design.title(), index.equals("new") ? "Add a partner" : "Change " + DesignFields.text(shown.path("name")),
                List.of("The pooled budget so far is " + Money.format(pooled(design.body())) + "."),
                partnerGroups(copy, shown, budgetRows(shown)), typed, base(design) + "/partners/" + index, "Save partner", base(design) + "/partners");
    }

    @Post(value = "/designs/{id}/{kind:partners|lots}/{index}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> remove(String id, String kind, String index, HttpRequest<?> request, @Nullable Authentication authentication,
                                  @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id);
        Form.read(request, body);
        ObjectNode copy = design.body().deepCopy();
        ArrayNode items = DesignFields.array(copy, kind);
        items.remove(position(items, index));
        designs.save(design.id(), copy);
        return Page.redirect(base(design) + "/" + kind);
    }

    // ---- lots ----

    @Get("/designs/{id}/lots")
    public HttpResponse<?> lots(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        List<ListRow> rows = new ArrayList<>();
        ArrayNode lots = DesignFields.array(design.body(), "lots");
        for (int i = 0; i < lots.size(); i++) {
            JsonNode lot = lots.get(i);
            rows.add(new ListRow(List.of(DesignFields.text(lot.path("title")), lot.hasNonNull("valueInclVatPence")
                            ? Money.format(lot.path("valueInclVatPence").asLong()) : "-", lot.hasNonNull("termMonths") ? lot.path("termMonths").asText() + " months" : "-",
                    weightsHint(lot)), base(design) + "/lots/" + i, DesignFields.text(lot.path("title")), base(design) + "/lots/" + i + "/remove"));
        }
        return list(Page.model("Lots"), design, "Lots", List.of("Each lot is awarded separately. Dividing a requirement into lots helps small and "
                        + "specialist providers bid (RD-04)."), List.of("Lot", "Value", "Term", "Award criteria"), rows, null,
                base(design) + "/lots/new", lots.isEmpty() ? "Add a lot" : "Add another lot");
    }

    @Get("/designs/{id}/lots/{index}")
    public HttpResponse<?> lot(String id, String index, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body().deepCopy();
        return lotPage(design, item(copy, "lots", index), index, false, Page.model("Lot"), Map.of());
    }

    @Post(value = "/designs/{id}/lots/{index}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveLot(String id, String index, HttpRequest<?> request, @Nullable Authentication authentication,
                                   @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body().deepCopy();
        ObjectNode lot = item(copy, "lots", index);
        Map<String, Object> model = Page.model("Lot");
        int position = DesignFields.array(copy, "lots").size() - 1;
        for (int i = 0; i < copy.path("lots").size(); i++) {
            if (copy.path("lots").get(i) == lot) {
                position = i;
            }
        }
        int at = position;
        return saveOrShow(request, body, model, design, copy, List.of(new Group(lot, "", DesignSections.LOT)),
                () -> required(model, lot, "title", "Enter the name of the lot") & required(model, lot, "valueInclVatPence", "Enter the lot's value")
                        & required(model, lot, "termMonths", "Enter the lot's term in months"), null,
                base(design) + (index.equals("new") ? "/lots/" + at + "/conditions" : "/lots"),
                () -> lotPage(design, item(design.body().deepCopy(), "lots", index), index, false, model, Form.of(body).typed()));
    }

    @Get("/designs/{id}/lots/{index}/conditions")
    public HttpResponse<?> conditions(String id, String index, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        return lotPage(design, existing(design.body().deepCopy(), "lots", index), index, true, Page.model("Who may bid"), Map.of());
    }

    @Post(value = "/designs/{id}/lots/{index}/conditions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveConditions(String id, String index, HttpRequest<?> request, @Nullable Authentication authentication,
                                          @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body().deepCopy();
        ObjectNode lot = existing(copy, "lots", index);
        Map<String, Object> model = Page.model("Who may bid");
        return saveOrShow(request, body, model, design, copy, List.of(new Group(lot, "", DesignSections.LOT_CONDITIONS)), () -> {
                    visited(lot, "conditions");
                    return true;
                }, null, base(design) + "/lots",
                () -> lotPage(design, existing(design.body().deepCopy(), "lots", index), index, true, model, Form.of(body).typed()));
    }

    private HttpResponse<?> lotPage(Design design, ObjectNode lot, String index, boolean conditions, Map<String, Object> model, Map<String, Object> typed) {
        String name = DesignFields.text(lot.path("title"));
        return question(model, design.title(), conditions ? "Who may bid for " + name : index.equals("new") ? "Add a lot" : "Change " + name,
                List.of(), List.of(new Group(lot, "", conditions ? DesignSections.LOT_CONDITIONS : DesignSections.LOT)), typed,
                base(design) + "/lots/" + index + (conditions ? "/conditions" : ""), "Save and continue", base(design) + "/lots");
    }

    // ---- criteria ----

    @Get("/designs/{id}/lots/{lotIndex}/criteria")
    public HttpResponse<?> criteria(String id, String lotIndex, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id, true);
        ObjectNode lot = existing(design.body(), "lots", lotIndex);
        String here = base(design) + "/lots/" + lotIndex + "/criteria/";
        List<ListRow> rows = new ArrayList<>();
        ArrayNode criteria = DesignFields.array(lot, "criteria");
        for (int j = 0; j < criteria.size(); j++) {
            JsonNode c = criteria.get(j);
            List<String> parts = new ArrayList<>();
            c.path("subCriteria").forEach(s -> parts.add(DesignFields.text(s.path("title")) + " " + DesignFields.text(s.path("weight"))));
            String kind = LABELS.of("CRITERION_KIND", DesignFields.text(c.path("kind")));
            rows.add(new ListRow(List.of(DesignFields.text(c.path("title")), kind + (c.hasNonNull("duty") ? " (" + LABELS.of("DUTY", c.path("duty").asText()) + ")" : "")
                            + (parts.isEmpty() ? "" : "; in parts: " + String.join(", ", parts)),
                    DesignFields.text(c.path("weight")), c.hasNonNull("minScore") ? "Below " + c.path("minScore").asText() + " fails" : "None"),
                    here + j, DesignFields.text(c.path("title")), here + j + "/remove"));
        }
        Map<String, Object> model = Page.model("Award criteria");
        java.math.BigDecimal total = totalWeight(lot);
        model.put("totalWarning", criteria.isEmpty() || total.compareTo(java.math.BigDecimal.valueOf(100)) == 0 ? null
                : "The weights add up to " + total.toPlainString() + ", not 100.");
        return list(model, design, "Award criteria: " + DesignFields.text(lot.path("title")),
                List.of("Price, quality and equality criteria, each with its weight out of 100, the meaning of each score and how it is assessed. "
                        + "The race, disability and sex duties each need an equality criterion or a part of one (EQ-01)."),
                List.of("Criterion", "Kind", "Weight", "Disqualifying score"), rows, List.of("Total", "", total.toPlainString(), ""),
                here + "new", criteria.isEmpty() ? "Add a criterion" : "Add another criterion");
    }

    @Get("/designs/{id}/lots/{lotIndex}/criteria/{index}")
    public HttpResponse<?> criterion(String id, String lotIndex, String index, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id, true);
        ObjectNode lot = existing(design.body().deepCopy(), "lots", lotIndex);
        ObjectNode criterion = item(lot, "criteria", index);
        return criterionPage(design, lot, criterion, lotIndex, index, Page.model("Criterion"), Map.of());
    }

    @Post(value = "/designs/{id}/lots/{lotIndex}/criteria/{index}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveCriterion(String id, String lotIndex, String index, HttpRequest<?> request, @Nullable Authentication authentication,
                                         @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id, true);
        ObjectNode copy = design.body().deepCopy();
        ObjectNode lot = existing(copy, "lots", lotIndex);
        ObjectNode criterion = item(lot, "criteria", index);
        Map<String, Object> model = Page.model("Criterion");
        List<Group> groups = criterionGroups(criterion, partRows(criterion));
        return saveOrShow(request, body, model, design, copy, groups, () -> {
            boolean ok = required(model, criterion, "title", "Enter the name of the criterion")
                    & required(model, criterion, "kind", "Choose what the criterion scores")
                    & required(model, criterion, "weight", "Enter the criterion's weight out of 100");
            ArrayNode parts = json.createArrayNode();
            for (Group g : groups.subList(1, groups.size())) {
                ObjectNode part = g.node();
                if (part.isEmpty()) {
                    continue;
                }
                if (!part.hasNonNull("title")) {
                    Page.error(model, g.prefix() + "title", "Enter the name of this part, or empty it");
                    ok = false;
                }
                if (!part.hasNonNull("weight")) {
                    Page.error(model, g.prefix() + "weight", "Enter this part's weight in points, like 5 or 10/3");
                    ok = false;
                }
                parts.add(part);
            }
            boolean equality = "EQUALITY".equals(criterion.path("kind").asText());
            if (parts.isEmpty()) {
                criterion.remove("subCriteria");
                if (equality && !criterion.hasNonNull("duty")) {
                    Page.error(model, "duty", "Choose the duty this equality criterion scores, or divide it into parts");
                    ok = false;
                }
            } else {
                criterion.set("subCriteria", parts);
                criterion.remove("duty");
            }
            if (!equality) {
                criterion.remove("duty");
                parts.forEach(p -> ((ObjectNode) p).remove("duty"));
            }
            return ok;
        }, null, base(design) + "/lots/" + lotIndex + "/criteria",
                () -> {
                    ObjectNode shownLot = existing(design.body().deepCopy(), "lots", lotIndex);
                    return criterionPage(design, shownLot, item(shownLot, "criteria", index), lotIndex, index, model, Form.of(body).typed());
                });
    }

    @Post(value = "/designs/{id}/lots/{lotIndex}/criteria/{index}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> removeCriterion(String id, String lotIndex, String index, HttpRequest<?> request, @Nullable Authentication authentication,
                                           @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id, true);
        Form.read(request, body);
        ObjectNode copy = design.body().deepCopy();
        ArrayNode criteria = DesignFields.array(existing(copy, "lots", lotIndex), "criteria");
        criteria.remove(position(criteria, index));
        designs.save(design.id(), copy);
        return Page.redirect(base(design) + "/lots/" + lotIndex + "/criteria");
    }

    private List<ObjectNode> partRows(ObjectNode criterion) {
        List<ObjectNode> rows = new ArrayList<>();
        criterion.path("subCriteria").forEach(s -> rows.add(((ObjectNode) s).deepCopy()));
        int blank = Math.max(1, 3 - rows.size());
        for (int k = 0; k < blank; k++) {
            rows.add(json.createObjectNode());
        }
        return rows;
    }

    private static List<Group> criterionGroups(ObjectNode criterion, List<ObjectNode> parts) {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group(criterion, "", DesignSections.criterion()));
        for (int k = 0; k < parts.size(); k++) {
            List<Field> fields = new ArrayList<>();
            fields.add(k == 0 ? DesignFields.heading("Parts of this criterion (optional)", "Divide a criterion into parts scored separately, "
                    + "for example an equality criterion into race, disability and sex with equal weights. The parts' weights add up to the "
                    + "criterion's. Leave these empty if it is scored as one.") : DesignFields.heading("Part " + (k + 1)));
            fields.addAll(DesignSections.SUB_CRITERION);
            groups.add(new Group(parts.get(k), "part-" + k + "-", fields));
        }
        return groups;
    }

    private HttpResponse<?> criterionPage(Design design, ObjectNode lot, ObjectNode criterion, String lotIndex, String index,
                                          Map<String, Object> model, Map<String, Object> typed) {
        return question(model, DesignFields.text(lot.path("title")), index.equals("new") ? "Add a criterion" : "Change " + DesignFields.text(criterion.path("title")),
                List.of("The other criteria of this lot weigh " + totalWeight(lot).subtract(criterion.path("weight").isNumber()
                        ? criterion.path("weight").decimalValue() : java.math.BigDecimal.ZERO).stripTrailingZeros().toPlainString() + " of 100."),
                criterionGroups(criterion, partRows(criterion)), typed, base(design) + "/lots/" + lotIndex + "/criteria/" + index, "Save criterion",
                base(design) + "/lots/" + lotIndex + "/criteria");
    }

    // ---- equality impact assessment ----

    static final String DONE = "DONE";
    static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    static final String TO_DO = "TO_DO";

    private static List<String> limbsOf(String characteristic) {
        return characteristic.equals("MARRIAGE_CIVIL_PARTNERSHIP") ? LIMBS.subList(0, 1) : LIMBS;
    }

    private static JsonNode entry(JsonNode eqia, String characteristic, String limb) {
        for (JsonNode e : eqia.path("entries")) {
            if (e.path("characteristic").asText().equals(characteristic) && e.path("limb").asText().equals(limb)) {
                return e;
            }
        }
        return null;
    }

    private static String cellState(JsonNode eqia, String characteristic, String limb) {
        JsonNode e = entry(eqia, characteristic, limb);
        if (e == null) {
            return TO_DO;
        }
        if (e.hasNonNull("notApplicableReason")) {
            return NOT_APPLICABLE;
        }
        return e.hasNonNull("evidence") && e.hasNonNull("impact") ? DONE : TO_DO;
    }

    /** A row of the grid: a characteristic and, for each limb, what is recorded (or null where the limb does not apply). */
    public record GridRow(String characteristic, String label, String href, List<String> cells) {
    }

    @Get("/designs/{id}/eqia")
    public HttpResponse<?> eqia(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        return eqiaPage(design, design.body().deepCopy(), Page.model("Equality impact assessment"), Map.of());
    }

    @Post(value = "/designs/{id}/eqia", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveEqia(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body().deepCopy();
        ObjectNode eqia = eqiaOf(copy);
        Map<String, Object> model = Page.model("Equality impact assessment");
        return saveOrShow(request, body, model, design, copy, List.of(new Group(eqia, "", DesignSections.EQIA)),
                () -> required(model, eqia, "assessedOn", "Enter the date of the assessment")
                        & required(model, eqia, "relevance", "Choose how relevant the equality duty is to this round"), null, base(design),
                () -> eqiaPage(design, design.body().deepCopy(), model, Form.of(body).typed()));
    }

    private ObjectNode eqiaOf(ObjectNode copy) {
        if (copy.get("eqia") instanceof ObjectNode eqia) {
            return eqia;
        }
        ObjectNode eqia = copy.putObject("eqia");
        eqia.putArray("entries");
        return eqia;
    }

    private HttpResponse<?> eqiaPage(Design design, ObjectNode copy, Map<String, Object> model, Map<String, Object> typed) {
        ObjectNode eqia = eqiaOf(copy);
        List<GridRow> grid = new ArrayList<>();
        for (var c : DesignSections.CHARACTERISTICS) {
            List<String> cells = new ArrayList<>();
            for (String limb : LIMBS) {
                cells.add(limbsOf(c.value()).contains(limb) ? cellState(eqia, c.value(), limb) : null);
            }
            grid.add(new GridRow(c.value(), c.label(), base(design) + "/eqia/" + c.value(), cells));
        }
        model.put("grid", grid);
        model.put("limbs", LIMBS.stream().map(l -> LABELS.of("LIMB", l)).toList());
        model.put("base", base(design));
        model.put("design", design);
        model.put("questions", DesignFields.questions(List.of(new Group(eqia, "", DesignSections.EQIA)), typed));
        model.put("typed", typed);
        return Page.render("manage/design/eqia", model);
    }

    @Get("/designs/{id}/eqia/{characteristic}")
    public HttpResponse<?> characteristic(String id, String characteristic, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body().deepCopy();
        return characteristicPage(design, characteristic, limbGroups(eqiaOf(copy), known(characteristic)), Page.model("Equality impact"), Map.of());
    }

    @Post(value = "/designs/{id}/eqia/{characteristic}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveCharacteristic(String id, String characteristic, HttpRequest<?> request, @Nullable Authentication authentication,
                                              @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id);
        String c = known(characteristic);
        ObjectNode copy = design.body().deepCopy();
        ObjectNode eqia = eqiaOf(copy);
        List<Group> groups = limbGroups(eqia, c);
        Map<String, Object> model = Page.model("Equality impact");
        return saveOrShow(request, body, model, design, copy, groups, () -> {
            ArrayNode entries = DesignFields.array(eqia, "entries");
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).path("characteristic").asText().equals(c)) {
                    entries.remove(i);
                }
            }
            for (Group g : groups) {
                ObjectNode e = g.node();
                if (e.size() > 2) {
                    entries.add(e);
                }
            }
            return true;
        }, null, base(design) + "/eqia", () -> characteristicPage(design, c, limbGroups(eqiaOf(design.body().deepCopy()), c), model, Form.of(body).typed()));
    }

    private List<Group> limbGroups(ObjectNode eqia, String characteristic) {
        List<Group> groups = new ArrayList<>();
        for (String limb : limbsOf(characteristic)) {
            JsonNode found = entry(eqia, characteristic, limb);
            ObjectNode e = found == null ? json.createObjectNode() : ((ObjectNode) found).deepCopy();
            e.put("characteristic", characteristic);
            e.put("limb", limb);
            List<Field> fields = new ArrayList<>();
            fields.add(DesignFields.heading(LABELS.of("LIMB", limb)));
            fields.addAll(DesignSections.EQIA_ENTRY);
            if (limb.equals("ADVANCE_EQUALITY")) {
                fields.addAll(DesignSections.EQIA_ADVANCE_NEEDS);
            }
            groups.add(new Group(e, limb + "-", fields));
        }
        return groups;
    }

    private static String known(String characteristic) {
        return DesignSections.CHARACTERISTICS.stream().map(Labels.Option::value).filter(v -> v.equals(characteristic)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("protected characteristic", characteristic));
    }

    private HttpResponse<?> characteristicPage(Design design, String characteristic, List<Group> groups, Map<String, Object> model, Map<String, Object> typed) {
        return question(model, "Equality impact assessment", LABELS.of("CHARACTERISTIC", characteristic),
                List.of(characteristic.equals("MARRIAGE_CIVIL_PARTNERSHIP")
                        ? "For marriage and civil partnership the duty is only to eliminate discrimination, harassment and victimisation (Equality Act 2010 s149(7))."
                        : "For each aim of the equality duty (Equality Act 2010 s149(1)): the evidence, the likely impact and any mitigation, or why it does not apply."),
                groups, typed, base(design) + "/eqia/" + characteristic, "Save and continue", base(design) + "/eqia");
    }

    // ---- the round's details ----

    @Get("/designs/{id}/details/{page}")
    public HttpResponse<?> details(String id, String page, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body().deepCopy();
        if (page.equals("incumbents")) {
            return incumbentsPage(design, incumbentRows(copy), Page.model("Current providers"), Map.of());
        }
        return detailsPage(design, detailsPageOf(page), detailsOf(copy), Page.model("Round details"), Map.of());
    }

    @Post(value = "/designs/{id}/details/{page}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveDetails(String id, String page, HttpRequest<?> request, @Nullable Authentication authentication,
                                       @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id);
        ObjectNode copy = design.body().deepCopy();
        ObjectNode details = detailsOf(copy);
        Map<String, Object> model = Page.model("Round details");
        if (page.equals("incumbents")) {
            List<ObjectNode> rows = incumbentRows(copy);
            List<Group> groups = incumbentGroups(rows);
            return saveOrShow(request, body, model, design, copy, groups, () -> {
                boolean ok = true;
                ArrayNode kept = json.createArrayNode();
                for (Group g : groups) {
                    if (g.node().isEmpty()) {
                        continue;
                    }
                    if (!g.node().hasNonNull("organisation")) {
                        Page.error(model, g.prefix() + "organisation", "Enter the provider's name, or empty this provider's answers");
                        ok = false;
                    }
                    kept.add(g.node());
                }
                details.set("incumbents", kept);
                visited(copy, "incumbents");
                return ok;
            }, null, base(design), () -> incumbentsPage(design, incumbentRows(design.body().deepCopy()), model, Form.of(body).typed()));
        }
        DesignSections.DetailsPage which = detailsPageOf(page);
        return saveOrShow(request, body, model, design, copy, List.of(new Group(details, "", which.fields())), () -> {
            tieBreakFromSlots(details);
            visited(copy, which.key());
            return true;
        }, null, base(design), () -> detailsPage(design, which, detailsOf(design.body().deepCopy()), model, Form.of(body).typed()));
    }

    private static DesignSections.DetailsPage detailsPageOf(String page) {
        DesignSections.DetailsPage which = DesignSections.DETAILS.get(page);
        if (which == null) {
            throw ProblemException.notFound("page of the round's details", page);
        }
        return which;
    }

    /** The details node, with the tie-break list shown as three numbered choices. */
    private ObjectNode detailsOf(ObjectNode copy) {
        ObjectNode object = copy.get("details") instanceof ObjectNode details ? details : copy.putObject("details");
        ObjectNode slots = object.putObject("tieBreakSlots");
        JsonNode steps = object.path("tieBreak");
        for (int i = 0; i < steps.size() && i < 3; i++) {
            slots.set(String.valueOf(i), steps.get(i));
        }
        return object;
    }

    private void tieBreakFromSlots(ObjectNode details) {
        ArrayNode steps = json.createArrayNode();
        JsonNode slots = details.path("tieBreakSlots");
        for (int i = 0; i < 3; i++) {
            if (slots.hasNonNull(String.valueOf(i))) {
                steps.add(slots.get(String.valueOf(i)));
            }
        }
        details.set("tieBreak", steps);
        details.remove("tieBreakSlots");
    }

    private HttpResponse<?> detailsPage(Design design, DesignSections.DetailsPage page, ObjectNode details, Map<String, Object> model, Map<String, Object> typed) {
        return question(model, design.title(), page.title(), List.of(page.hint() + "."), List.of(new Group(details, "", page.fields())), typed,
                base(design) + "/details/" + page.key(), "Save and continue", base(design));
    }

    private List<ObjectNode> incumbentRows(ObjectNode copy) {
        List<ObjectNode> rows = new ArrayList<>();
        copy.path("details").path("incumbents").forEach(i -> rows.add(((ObjectNode) i).deepCopy()));
        rows.add(json.createObjectNode());
        return rows;
    }

    private static List<Group> incumbentGroups(List<ObjectNode> rows) {
        List<Group> groups = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            List<Field> fields = new ArrayList<>();
            fields.add(DesignFields.heading(k == rows.size() - 1 ? "Add a provider (optional)" : "Provider " + (k + 1)));
            fields.addAll(DesignSections.INCUMBENT);
            groups.add(new Group(rows.get(k), "provider-" + k + "-", fields));
        }
        return groups;
    }

    private HttpResponse<?> incumbentsPage(Design design, List<ObjectNode> rows, Map<String, Object> model, Map<String, Object> typed) {
        return question(model, design.title(), "Current providers", List.of("Providers whose funding the round replaces or changes. Ending funding "
                        + "needs at least 3 months' notice (RD-17); losing a specialist provider is weighed in the equality analysis (SS-01). "
                        + "To remove a provider, empty its answers."),
                incumbentGroups(rows), typed, base(design) + "/details/incumbents", "Save and continue", base(design));
    }

    // ---- amending a published round's criteria ----

    static final List<Field> AMENDMENT = List.of(
            DesignFields.longText("reason", "Why the criteria change", "Every organisation with a tender on a changed lot is told this, and must send its tender again"),
            DesignFields.dateTime("newTenderDeadline", "The new deadline for tenders", "Later than the current deadline, leaving time to rework "
                    + "tenders (RD-27)", "the new deadline"));

    /** A lot on the amendment page: its criteria now (in the copy), and whether they differ from those published. */
    public record AmendedLot(int index, String title, String criteria, boolean changed) {
    }

    @Get("/designs/{id}/amend")
    public HttpResponse<?> amendment(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id, true);
        Round round = amendableRound(design);
        return amendPage(design, round, json.createObjectNode(), Page.model("Amend the award criteria"), Map.of(), List.of());
    }

    @Post(value = "/designs/{id}/amend", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> amend(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = commissioner(authentication, request);
        Design design = design(id, true);
        Round round = amendableRound(design);
        Map<String, Object> model = Page.model("Amend the award criteria");
        ObjectNode answers = json.createObjectNode();
        try {
            Form form = Form.read(request, body);
            boolean read = DesignFields.read(List.of(new Group(answers, "", AMENDMENT)), form, model);
            boolean given = required(model, answers, "reason", "Say why the criteria change")
                    & required(model, answers, "newTenderDeadline", "Enter the new deadline for tenders");
            List<AmendingRound.LotCriteria> changed = new ArrayList<>();
            RoundCommand now = command(design.body());
            RoundCommand published = DesignCopy.of(round);
            for (int i = 0; i < round.lots().size() && i < now.lots().size(); i++) {
                if (!json.valueToTree(now.lots().get(i).criteria()).equals(json.valueToTree(published.lots().get(i).criteria()))) {
                    changed.add(new AmendingRound.LotCriteria(round.lots().get(i).id(), now.lots().get(i).criteria()));
                }
            }
            if (changed.isEmpty()) {
                Page.error(model, "lots", "Change the award criteria of at least one lot first");
            }
            if (read && given && !changed.isEmpty()) {
                var outcome = amending.amend(round.id(), new AmendingRound.AmendmentCommand(answers.path("reason").asText(),
                        java.time.Instant.parse(answers.path("newTenderDeadline").asText()), changed), actor);
                if (outcome instanceof org.levelfield.rules.model.Outcome.Refused<?> refused) {
                    Page.error(model, "lots", "The amendment is refused by the round-design rules; each finding is listed below");
                    return amendPage(design, round, answers, model, Form.of(body).typed(), refused.verdict().refusing());
                }
                designs.delete(design.id());
                return Page.redirect("/manage/rounds/" + round.id() + "?amended=yes");
            }
        } catch (ProblemException refused) {
            Page.refused(model, refused, name -> name.startsWith("lots") ? "lots" : name);
        }
        return amendPage(design, round, answers, model, Form.of(body).typed(), List.of());
    }

    private Round amendableRound(Design design) {
        Round round = design.roundId() == null ? null : rounds.find(design.roundId()).orElse(null);
        if (round == null || !amendable(round)) {
            throw ProblemException.notFound("amendment", design.id());
        }
        return round;
    }

    private HttpResponse<?> amendPage(Design design, Round round, ObjectNode answers, Map<String, Object> model, Map<String, Object> typed,
                                      List<org.levelfield.rules.model.Finding> findings) {
        RoundCommand now = command(design.body());
        RoundCommand published = DesignCopy.of(round);
        List<AmendedLot> lots = new ArrayList<>();
        for (int i = 0; i < now.lots().size(); i++) {
            var criteria = now.lots().get(i).criteria() == null ? List.<RoundCommand.CriterionCommand>of() : now.lots().get(i).criteria();
            lots.add(new AmendedLot(i, now.lots().get(i).title(), String.join("; ", criteria.stream()
                    .map(c -> c.title() + " " + (c.weight() == null ? "-" : c.weight().stripTrailingZeros().toPlainString())).toList()),
                    i < published.lots().size() && !json.valueToTree(criteria).equals(json.valueToTree(published.lots().get(i).criteria()))));
        }
        model.put("design", design);
        model.put("round", round);
        model.put("base", base(design));
        model.put("lots", lots);
        model.put("findings", findings);
        model.put("questions", DesignFields.questions(List.of(new Group(answers, "", AMENDMENT)), typed));
        return Page.render("manage/design/amend", model);
    }

    @Post(value = "/designs/{id}/amend/discard", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> discardAmendment(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id, true);
        Form.read(request, body);
        designs.delete(design.id());
        return Page.redirect("/manage/rounds/" + design.roundId());
    }

    // ---- check answers and save ----

    @Get("/designs/{id}/check")
    public HttpResponse<?> check(String id, HttpRequest<?> request, @Nullable Authentication authentication) {
        commissioner(authentication, request);
        Design design = design(id);
        return checkPage(design, Page.model("Check your answers"), List.of());
    }

    @Post(value = "/designs/{id}/check", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = commissioner(authentication, request);
        Design design = design(id);
        Map<String, Object> model = Page.model("Check your answers");
        try {
            Form.read(request, body);
            RoundCommand command = command(design.body());
            Round saved = design.roundId() == null ? drafting.create(command, actor) : drafting.revise(design.roundId(), command, actor);
            designs.delete(design.id());
            return Page.redirect("/manage/rounds/" + saved.id() + "/design-check");
        } catch (Form.FormRefused expired) {
            Page.refused(model, expired);
            return checkPage(design, model, List.of());
        } catch (ProblemException refused) {
            List<SaveError> problems = new ArrayList<>();
            if (refused.extensions().get("errors") instanceof List<?> list && !list.isEmpty()) {
                for (Object o : list) {
                    if (o instanceof ProblemException.FieldError e) {
                        problems.add(DesignErrors.of(e, design.body(), base(design)));
                    }
                }
            } else {
                problems.add(new SaveError(refused.getMessage(), base(design)));
            }
            return checkPage(design, model, problems);
        }
    }

    /** A reason the design could not be saved, in words, with the page where it is put right. */
    public record SaveError(String message, String href) {
    }

    @Post(value = "/designs/{id}/discard", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> discard(String id, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        commissioner(authentication, request);
        Design design = design(id);
        Form.read(request, body);
        designs.delete(design.id());
        return Page.redirect(design.roundId() == null ? "/manage/rounds" : "/manage/rounds/" + design.roundId());
    }

    private RoundCommand command(ObjectNode body) {
        ObjectNode clean = body.deepCopy();
        strip(clean);
        try {
            return json.treeToValue(clean, RoundCommand.class);
        } catch (JsonProcessingException unreadable) {
            throw ProblemException.badInput("body", "The answers could not be read as a round: " + unreadable.getOriginalMessage());
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(VISITED);
            object.remove("tieBreakSlots");
            object.forEach(DesignPages::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(DesignPages::strip);
        }
    }

    private HttpResponse<?> checkPage(Design design, Map<String, Object> model, List<SaveError> problems) {
        model.put("design", design);
        model.put("base", base(design));
        model.put("problems", problems);
        model.put("answers", DesignSummary.of(design.body(), base(design)));
        model.put("round", design.roundId() == null ? null : rounds.find(design.roundId()).orElse(null));
        return Page.render("manage/design/check", model, problems.isEmpty() && !Page.hasErrors(model)
                ? io.micronaut.http.HttpStatus.OK : io.micronaut.http.HttpStatus.BAD_REQUEST);
    }

    // ---- shared ----

    private static Actor commissioner(Authentication authentication, HttpRequest<?> request) {
        return Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
    }

    private Design design(String id) {
        return design(id, false);
    }

    /** A published round open for tenders: only its award criteria can change, by an amendment that moves the deadline (RD-27). */
    private boolean amendable(Round round) {
        return round.status() == RoundStatus.PUBLISHED && !round.isPastDeadline(clock.instant());
    }

    /**
     * The working copy, if its round may still change: a draft any way, a published round open for tenders only
     * in its award criteria ({@code criteria}); anything else says what happened to the round since.
     */
    private Design design(String id, boolean criteria) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("round design", id);
        }
        Design design = designs.find(uuid).orElseThrow(() -> ProblemException.notFound("round design", id));
        if (design.roundId() != null) {
            Round round = rounds.find(design.roundId()).orElseThrow(() -> ProblemException.notFound("round", design.roundId()));
            if (criteria && amendable(round)) {
                return design;
            }
            if (amendable(round)) {
                throw ProblemException.wrongState("'" + round.title() + "' is published: only its award criteria can change now, by an amendment "
                        + "that gives bidders more time. Go to the amendment page to change them.", round.status().name(), round.status().allowedActions());
            }
            if (round.status() != RoundStatus.DRAFT) {
                throw ProblemException.wrongState("'" + round.title() + "' moved on since these answers were started: it is now "
                        + LABELS.of("ROUND_STATUS", round.status().name()).toLowerCase(java.util.Locale.UK)
                        + ", so its design cannot be changed here. Reopen the design from the round's page to change it.",
                        round.status().name(), round.status().allowedActions());
            }
        }
        return design;
    }

    static String base(Design design) {
        return "/manage/designs/" + design.id();
    }

    /** The item of a list at an index as typed in the address, or a new one added at the end for "new". */
    private ObjectNode item(ObjectNode parent, String list, String index) {
        ArrayNode items = DesignFields.array(parent, list);
        if (index.equals("new")) {
            return items.addObject();
        }
        return (ObjectNode) items.get(position(items, index));
    }

    private ObjectNode existing(ObjectNode parent, String list, String index) {
        ArrayNode items = DesignFields.array(parent, list);
        return (ObjectNode) items.get(position(items, index));
    }

    private static int position(ArrayNode items, String index) {
        if (index != null && index.matches("\\d{1,4}") && Integer.parseInt(index) < items.size()) {
            return Integer.parseInt(index);
        }
        throw ProblemException.notFound("item", index);
    }

    private static boolean required(Map<String, Object> model, ObjectNode node, String path, String message) {
        if (DesignFields.at(node, path).isMissingNode() || DesignFields.at(node, path).isNull()) {
            Page.error(model, path.replace('.', '-'), message);
            return false;
        }
        return true;
    }

    /**
     * Reads a page's answers into a copy of the design; if they can be read and the page's own checks
     * pass, saves the copy and goes on, else shows the page again with what was typed and what is wrong.
     */
    private HttpResponse<?> saveOrShow(HttpRequest<?> request, Map<String, Object> body, Map<String, Object> model, Design design, ObjectNode copy,
                                       List<Group> groups, java.util.function.BooleanSupplier checks, String visitedKey, String next,
                                       java.util.function.Supplier<HttpResponse<?>> again) {
        try {
            Form form = Form.read(request, body);
            boolean read = DesignFields.read(groups, form, model);
            if (checks.getAsBoolean() && read) {
                if (visitedKey != null) {
                    visited(copy, visitedKey);
                }
                designs.save(design.id(), copy);
                return Page.redirect(next);
            }
        } catch (ProblemException refused) {
            Page.refused(model, refused);
        }
        return again.get();
    }

    private HttpResponse<?> question(Map<String, Object> model, String caption, String heading, List<String> intro, List<Group> groups,
                                     Map<String, Object> typed, String action, String button, String back) {
        model.put("caption", caption);
        model.put("heading", heading);
        model.put("intro", intro);
        model.put("questions", DesignFields.questions(groups, typed));
        model.put("typed", typed);
        model.put("action", action);
        model.put("button", button);
        model.put("back", back);
        model.put("cancel", back);
        return Page.render("components/question-page", model);
    }

    /** A row of a list page: its cells, where to change it, its name (for the links' hidden text) and where to remove it. */
    public record ListRow(List<String> cells, String change, String name, String remove) {
    }

    private HttpResponse<?> list(Map<String, Object> model, Design design, String heading, List<String> intro, List<String> columns,
                                 List<ListRow> rows, List<String> totals, String add, String addText) {
        model.put("design", design);
        model.put("base", base(design));
        model.put("heading", heading);
        model.put("intro", intro);
        model.put("columns", columns);
        model.put("rows", rows);
        model.put("totals", totals);
        model.put("add", add);
        model.put("addText", addText);
        return Page.render("manage/design/list", model);
    }

    static Map<String, Object> none() {
        return new LinkedHashMap<>();
    }
}
