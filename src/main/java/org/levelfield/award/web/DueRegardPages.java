package org.levelfield.award.web;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.levelfield.award.application.DueRegardRecords;
import org.levelfield.award.model.DueRegardRecord;
import org.levelfield.common.identity.Actor;
import org.levelfield.common.identity.Role;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Dates;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Page;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.Round;

/**
 * The due-regard record as a page: who decides and under what authority, the briefing on the equality
 * duty, the award-stage equality impact assessment as a grid of characteristic and limb (started from the
 * design-stage assessment, to be updated with what the tenders showed), how the equality criteria affected
 * the outcome, the review and monitoring the contract sets up, and the minutes. Each save is a new version;
 * the page's field names are the record's own, so a problem is shown beside the answer it is about.
 */
@Controller("/manage/rounds/{roundId}/due-regard")
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class DueRegardPages {

    private static final int BASELINES = 3;

    private final Rounds rounds;
    private final DueRegardRecords records;

    public DueRegardPages(Rounds rounds, DueRegardRecords records) {
        this.rounds = rounds;
        this.records = records;
    }

    /** One row of the grid: its characteristic and limb, and the names of its fields. */
    public record Row(int index, String characteristic, String limb) {
        public String field(String name) {
            return "awardEqia.entries[" + index + "]." + name;
        }
    }

    @Get
    public HttpResponse<?> page(String roundId, HttpRequest<?> request, @Nullable Authentication authentication) {
        Page.inRole(authentication, request, Role.COMMISSIONER, Role.ADMIN);
        Round round = rounds.named(roundId);
        var versions = records.versions(round.id());
        DueRegardRecord current = versions.isEmpty() ? null : versions.getLast().record();
        return Page.render("manage/due-regard", model(round, Page.model("Due-regard record: " + round.title()), answers(round, current), versions.size()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(String roundId, HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.inRole(authentication, request, Role.COMMISSIONER);
        Round round = rounds.named(roundId);
        Map<String, Object> model = Page.model("Due-regard record: " + round.title());
        try {
            Form f = Form.read(request, body);
            DueRegardRecord record = read(f, round, model);
            if (Page.hasErrors(model)) {
                return Page.render("manage/due-regard", model(round, model, f.typed(), records.versions(round.id()).size()));
            }
            records.save(round.id(), record, actor);
            return Page.redirect("/manage/rounds/" + round.id() + "/decision#due-regard");
        } catch (ProblemException refused) {
            Page.refused(model, refused);
            return Page.render("manage/due-regard", model(round, model, Form.of(body).typed(), records.versions(round.id()).size()));
        }
    }

    private Map<String, Object> model(Round round, Map<String, Object> model, Map<String, Object> typed, int versions) {
        model.put("round", round);
        model.put("typed", typed);
        model.put("versions", versions);
        model.put("rows", rows(typed));
        Object by = typed.get("monitoringPlan.disaggregatedBy");
        model.put("disaggregatedBy", by instanceof List<?> list ? list : by == null ? List.of() : List.of(by));
        model.put("baselines", java.util.stream.IntStream.range(0, BASELINES).boxed().toList());
        return model;
    }

    /** The grid's rows: as the record (or the page) has them, else one per entry of the design-stage assessment. */
    private static List<Row> rows(Map<String, Object> typed) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; typed.containsKey("awardEqia.entries[" + i + "].characteristic"); i++) {
            rows.add(new Row(i, String.valueOf(typed.get("awardEqia.entries[" + i + "].characteristic")),
                    String.valueOf(typed.get("awardEqia.entries[" + i + "].limb"))));
        }
        return rows;
    }

    /** The record in force as the page's answers; without one, the grid starts from the design-stage assessment. */
    private static Map<String, Object> answers(Round round, DueRegardRecord r) {
        Map<String, Object> a = new LinkedHashMap<>();
        if (r != null && r.decisionMaker() != null) {
            a.put("decisionMaker.name", r.decisionMaker().name());
            a.put("decisionMaker.role", r.decisionMaker().role());
            a.put("decisionMaker.authority", r.decisionMaker().authority());
        }
        if (r != null && r.briefing() != null) {
            date(a, "briefing.date", r.briefing().date());
            a.put("briefing.coversDuty", r.briefing().coversDuty() == null ? null : r.briefing().coversDuty() ? "yes" : "no");
            a.put("briefing.by", r.briefing().by());
            a.put("briefing.summary", r.briefing().summary());
        }
        if (r != null && r.awardEqia() != null) {
            date(a, "awardEqia.assessedOn", r.awardEqia().assessedOn());
            a.put("awardEqia.relevance", r.awardEqia().relevance());
            a.put("awardEqia.severity", r.awardEqia().severity());
            List<DueRegardRecord.Entry> entries = r.awardEqia().entriesOrEmpty();
            for (int i = 0; i < entries.size(); i++) {
                DueRegardRecord.Entry e = entries.get(i);
                entry(a, i, e.characteristic(), e.limb(), e.evidence(), e.impact(), e.mitigation(), e.dataGap(), e.gapAction());
                needs(a, i, e.disadvantage(), e.differentNeeds(), e.participation());
                a.put("awardEqia.entries[" + i + "].adverse", e.isAdverse() ? "yes" : null);
            }
        } else if (round.eqia() != null && round.eqia().entries() != null) {
            var entries = round.eqia().entries();
            for (int i = 0; i < entries.size(); i++) {
                var e = entries.get(i);
                entry(a, i, e.characteristic(), e.limb(), e.evidence(), e.impact(), e.mitigation(), e.dataGap(), e.gapAction());
                needs(a, i, e.disadvantage(), e.differentNeeds(), e.participation());
            }
        }
        if (r != null) {
            a.put("equalityEffect", r.equalityEffect());
            a.put("consultationResponsesConsidered", r.consultationResponsesConsidered());
            a.put("reviewSchedule", r.reviewSchedule());
            a.put("specialistProvisionPlan", r.specialistProvisionPlan());
            a.put("minutes", r.minutes());
        }
        if (r != null && r.monitoringPlan() != null) {
            var m = r.monitoringPlan();
            a.put("monitoringPlan.frequency", m.frequency());
            a.put("monitoringPlan.disaggregatedBy", m.disaggregatedBy() == null ? List.of() : m.disaggregatedBy());
            a.put("monitoringPlan.suppressionThreshold", m.suppressionThreshold() == null ? null : m.suppressionThreshold().toString());
            a.put("monitoringPlan.disparityPct", m.disparityPct() == null ? null : m.disparityPct().toString());
            a.put("monitoringPlan.subcontractSpendReported", m.subcontractSpendReported() == null ? null : m.subcontractSpendReported() ? "yes" : "no");
            List<DueRegardRecord.Baseline> baselines = m.needsBaseline() == null ? List.of() : m.needsBaseline();
            for (int i = 0; i < Math.min(baselines.size(), BASELINES); i++) {
                a.put("baseline-" + i + "-group", baselines.get(i).group());
                a.put("baseline-" + i + "-share", baselines.get(i).expectedSharePct() == null ? null : baselines.get(i).expectedSharePct().toPlainString());
            }
        }
        return a;
    }

    private static void entry(Map<String, Object> a, int i, String characteristic, String limb, String evidence, String impact, String mitigation,
                              String dataGap, String gapAction) {
        String at = "awardEqia.entries[" + i + "].";
        a.put(at + "characteristic", characteristic);
        a.put(at + "limb", limb);
        a.put(at + "evidence", evidence);
        a.put(at + "impact", impact);
        a.put(at + "mitigation", mitigation);
        a.put(at + "dataGap", dataGap);
        a.put(at + "gapAction", gapAction);
    }

    private static void needs(Map<String, Object> a, int i, String disadvantage, String differentNeeds, String participation) {
        String at = "awardEqia.entries[" + i + "].";
        a.put(at + "disadvantage", disadvantage);
        a.put(at + "differentNeeds", differentNeeds);
        a.put(at + "participation", participation);
    }

    private static void date(Map<String, Object> a, String field, LocalDate date) {
        if (date != null) {
            a.put(field + "-day", String.valueOf(date.getDayOfMonth()));
            a.put(field + "-month", String.valueOf(date.getMonthValue()));
            a.put(field + "-year", String.valueOf(date.getYear()));
        }
    }

    /** The record the page sent; a part left wholly empty is left out (the award rules say what is missing when a decision is sought). */
    private static DueRegardRecord read(Form f, Round round, Map<String, Object> model) {
        DueRegardRecord.DecisionMaker maker = anyOf(f, "decisionMaker.name", "decisionMaker.role", "decisionMaker.authority")
                ? new DueRegardRecord.DecisionMaker(f.text("decisionMaker.name"), f.text("decisionMaker.role"), f.text("decisionMaker.authority")) : null;
        LocalDate briefed = date(f, "briefing.date", "the date of the briefing", model);
        DueRegardRecord.Briefing briefing = briefed != null || anyOf(f, "briefing.coversDuty", "briefing.by", "briefing.summary")
                ? new DueRegardRecord.Briefing(briefed, f.yesNo("briefing.coversDuty"), f.text("briefing.by"), f.text("briefing.summary")) : null;
        List<DueRegardRecord.Entry> entries = new ArrayList<>();
        for (int i = 0; f.has("awardEqia.entries[" + i + "].characteristic"); i++) {
            String at = "awardEqia.entries[" + i + "].";
            entries.add(new DueRegardRecord.Entry(f.text(at + "characteristic"), f.text(at + "limb"), f.text(at + "evidence"), f.text(at + "impact"),
                    "yes".equals(f.text(at + "adverse")), f.text(at + "mitigation"), f.text(at + "dataGap"), f.text(at + "gapAction"), null,
                    f.text(at + "disadvantage"), f.text(at + "differentNeeds"), f.text(at + "participation")));
        }
        LocalDate assessed = date(f, "awardEqia.assessedOn", "the date the assessment was completed", model);
        DueRegardRecord.AwardEqia eqia = assessed != null || anyOf(f, "awardEqia.relevance", "awardEqia.severity")
                ? new DueRegardRecord.AwardEqia(assessed, f.text("awardEqia.relevance"), f.text("awardEqia.severity"), entries) : null;
        List<DueRegardRecord.Baseline> baselines = new ArrayList<>();
        for (int i = 0; i < BASELINES; i++) {
            String group = f.text("baseline-" + i + "-group");
            String share = f.text("baseline-" + i + "-share");
            if (group == null && share == null) {
                continue;
            }
            BigDecimal pct = null;
            try {
                pct = share == null ? null : new BigDecimal(share.replace("%", "").strip());
            } catch (NumberFormatException notANumber) {
                Page.error(model, "baseline-" + i + "-share", "Enter the expected share as a percentage, like 12.5");
            }
            if (group == null) {
                Page.error(model, "baseline-" + i + "-group", "Name the group whose expected share this is");
            }
            baselines.add(new DueRegardRecord.Baseline(group, pct));
        }
        DueRegardRecord.MonitoringPlan plan = anyOf(f, "monitoringPlan.frequency", "monitoringPlan.suppressionThreshold", "monitoringPlan.disparityPct",
                "monitoringPlan.subcontractSpendReported") || !f.list("monitoringPlan.disaggregatedBy").isEmpty() || !baselines.isEmpty()
                ? new DueRegardRecord.MonitoringPlan(f.text("monitoringPlan.frequency"), f.list("monitoringPlan.disaggregatedBy"),
                whole(f, "monitoringPlan.suppressionThreshold", model), baselines, whole(f, "monitoringPlan.disparityPct", model),
                f.yesNo("monitoringPlan.subcontractSpendReported")) : null;
        return new DueRegardRecord(maker, briefing, eqia, f.text("equalityEffect"), f.text("consultationResponsesConsidered"), f.text("reviewSchedule"),
                f.text("specialistProvisionPlan"), plan, f.text("minutes"));
    }

    private static boolean anyOf(Form f, String... fields) {
        for (String field : fields) {
            if (f.has(field)) {
                return true;
            }
        }
        return false;
    }

    private static Integer whole(Form f, String field, Map<String, Object> model) {
        String text = f.text(field);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            Page.error(model, field, "Enter a whole number");
            return null;
        }
    }

    private static LocalDate date(Form f, String field, String what, Map<String, Object> model) {
        Dates.Read read = Dates.of(f.text(field + "-day"), f.text(field + "-month"), f.text(field + "-year"), what);
        if (!read.ok()) {
            Page.error(model, field, read.problem());
        }
        return read.date();
    }
}
