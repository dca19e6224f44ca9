package org.levelfield.support

import java.time.LocalDate
import java.time.ZoneId

/**
 * A commissioner designing a round through the design pages only, as a person would: the round's name and
 * dates, three partners with their budget lines, two lots (the second reserved to "BME-led" bidders when
 * asked, which RD-13 blocks), price, quality and equality criteria (the equality criterion divided into race,
 * disability and sex parts), the equality impact assessment for every characteristic and aim, and the
 * details the round-design rules read. Ends on the check-answers page, not saved.
 */
class DesignByPages {

    static final List<String> CHARACTERISTICS = ["AGE", "DISABILITY", "GENDER_REASSIGNMENT", "MARRIAGE_CIVIL_PARTNERSHIP", "PREGNANCY_MATERNITY",
                                                 "RACE", "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION"]
    static final List<String> LIMBS = ["ELIMINATE_DISCRIMINATION", "ADVANCE_EQUALITY", "FOSTER_GOOD_RELATIONS"]

    static void typeDate(Journey j, String field, LocalDate date) {
        j.type(field, date.dayOfMonth as String)
        j.type("$field-month", date.monthValue as String)
        j.type("$field-year", date.year as String)
    }

    /** From the commissioner's rounds page to the check-answers page of a new round; returns what the live total said on the second partner's page. */
    static Map design(Journey j, Map o) {
        Map seen = [:]
        def deadline = (o.deadline as java.time.Instant).atZone(ZoneId.of("Europe/London"))
        j.follow("Design a new round")
        j.check("design-about")
        j.type("title", o.title as String)
        j.type("description", "Council, NHS and PCC pool their budgets into one round with two lots.")
        typeDate(j, "commencementDate", o.commencement as LocalDate)
        typeDate(j, "tenderDeadline", deadline.toLocalDate())
        j.type("tenderDeadline-time", String.format("%02d:%02d", deadline.hour, deadline.minute))
        j.press("Start designing the round")
        j.check("design-tasks-new")

        j.follow("Partners and their budgets")
        [["Riverside Council", "type", "lead", "300,000"], ["Riverside NHS Integrated Care Board", "type-2", "lead-no", "150,000"],
         ["Riverside Police and Crime Commissioner", "type-3", "lead-no", "50,000"]].eachWithIndex { p, i ->
            j.follow(i == 0 ? "Add a partner" : "Add another partner")
            if (i == 0) j.check("design-partner")
            j.type("name", p[0])
            j.pick(p[1])
            j.pick(p[2])
            j.type("line-0-financialYear", "2027/28")
            j.type("line-0-amountPence", p[3])
            if (i == 1) {
                Thread.sleep(300)
                seen.liveTotal = j.browser.driver.findElement(org.openqa.selenium.By.id("live-total")).text
            }
            j.press("Save partner")
        }
        j.check("design-partners")
        j.follow("Back to the design")

        j.follow("Add a lot")
        [["Community outreach", "900,000", null], ["Black and minoritised survivors", "300,000", o.reserved ? "BME-led organisations only" : null]].eachWithIndex { l, i ->
            j.follow(i == 0 ? "Add a lot" : "Add another lot")
            if (i == 0) j.check("design-lot")
            j.type("title", l[0])
            j.type("valueInclVatPence", l[1])
            j.type("termMonths", "36")
            j.pick("terms-deliveredToPublic")
            j.press("Save and continue")
            if (i == 0) j.check("design-lot-conditions")
            if (l[2]) j.type("eligibilityRestriction", l[2])
            j.press("Save and continue")
        }
        j.check("design-lots")
        j.follow("Back to the design")
        for (lot in [0, 1]) {
            j.open(j.path() + "/lots/$lot/criteria")
            j.follow("Add a criterion")
            if (lot == 0) j.check("design-criterion")
            j.type("title", "Price"); j.pick("kind"); j.type("weight", "30"); j.press("Save criterion")
            j.follow("Add another criterion")
            j.type("title", "Service delivery and safety"); j.pick("kind-2"); j.type("weight", "40")
            j.type("descriptors", "0 no response; 3 meets the specification; 5 excellent"); j.type("wordLimit", "1500")
            j.press("Save criterion")
            j.follow("Add another criterion")
            j.type("title", "Equality"); j.pick("kind-3"); j.type("weight", "30")
            j.type("descriptors", "5 costed plan with KPIs by group; 3 credible plan; 2 or less policy only")
            j.type("part-0-title", "Race"); j.pick("part-0-duty"); j.type("part-0-weight", "10")
            j.type("part-1-title", "Disability"); j.pick("part-1-duty-2"); j.type("part-1-weight", "10")
            j.type("part-2-title", "Sex"); j.pick("part-2-duty-3"); j.type("part-2-weight", "10")
            j.press("Save criterion")
            if (lot == 0) j.check("design-criteria")
            j.follow("Back to the design")
        }

        j.follow("Equality impact assessment")
        typeDate(j, "assessedOn", o.commencement as LocalDate)
        j.pick("relevance")
        j.press("Save and continue")
        j.follow("Equality impact assessment")
        for (c in CHARACTERISTICS) {
            j.open(j.path().replaceAll('/eqia.*$', '') + "/eqia/$c")
            for (limb in (c == "MARRIAGE_CIVIL_PARTNERSHIP" ? LIMBS.take(1) : LIMBS)) {
                j.type("$limb-evidence", "Riverside needs assessment 2026")
                j.type("$limb-impact", "Positive")
                if (limb == "ADVANCE_EQUALITY") {
                    j.type("$limb-disadvantage", "Specialist lot reaches survivors the generic service misses")
                    j.type("$limb-differentNeeds", "Interpreting and BSL are costed in")
                    j.type("$limb-participation", "A survivors' panel shapes the service")
                }
            }
            if (c == "AGE") j.check("design-eqia-characteristic")
            j.press("Save and continue")
        }
        j.check("design-eqia")
        j.follow("Back to the design")

        j.follow("Consultation and social value")
        j.pick("socialValueConsidered")
        j.press("Save and continue")
        j.follow("The contract and its monitoring")
        typeDate(j, "conflictsAssessedOn", o.commencement as LocalDate)
        ["monitoringCharacteristics", "monitoringCharacteristics-2", "monitoringCharacteristics-3", "monitoringCharacteristics-6",
         "monitoringCharacteristics-7", "monitoringCharacteristics-8", "monitoringCharacteristics-9"].each { j.pick(it) }
        j.type("dataProtectionBasis", "DPA 2018 Sch 1 para 8")
        ["contractClauses", "contractClauses-2", "contractClauses-3", "contractClauses-4"].each { j.pick(it) }
        j.press("Save and continue")
        j.check("design-tasks-filled")
        j.follow("Check your answers")
        j.check("design-check-answers")
        seen
    }
}
