package org.levelfield.support

import java.time.Instant
import java.time.LocalDate

/** Round requests for the API, valid unless a test changes them. */
class RoundFixture {

    static List<Map> criteria() {
        [
                [title: "Price", kind: "PRICE", weight: 30],
                [title: "Service delivery and safety", kind: "QUALITY", weight: 40, descriptors: "0 no response; 3 meets the specification; 5 excellent", wordLimit: 50],
                [title: "Race equality", kind: "EQUALITY", duty: "RACE", weight: 10, descriptors: "5 costed plan; 3 credible plan; 2 or less policy only"],
                [title: "Disability equality", kind: "EQUALITY", duty: "DISABILITY", weight: 10, descriptors: "5 BSL and accessible refuge resourced; 3 credible plan; 2 or less policy only"],
                [title: "Sex equality", kind: "EQUALITY", duty: "SEX", weight: 10, descriptors: "5 gender-informed practice; 3 credible plan; 2 or less policy only"],
        ]
    }

    static final List<String> CHARACTERISTICS = ["AGE", "DISABILITY", "GENDER_REASSIGNMENT", "PREGNANCY_MATERNITY", "RACE",
                                                 "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION"]
    static final List<String> LIMBS = ["ELIMINATE_DISCRIMINATION", "ADVANCE_EQUALITY", "FOSTER_GOOD_RELATIONS"]

    /** What an entry for advancing equality says about each of the three needs of s149(3). */
    static final Map ADVANCING = [disadvantage  : "Specialist lot reaches those the generic service misses",
                                  differentNeeds: "Interpreting, BSL and culturally specific workers are costed in",
                                  participation : "A survivors' panel shapes the service and reviews it yearly"]

    /** A design-stage EqIA with an entry for every characteristic and limb of s149. */
    /** A due-regard record for an officer's delegated decision of 29 December 2026, briefed the day before. */
    static Map delegatedDecisionRecord() {
        [decisionMaker : [name: "Pat Officer", role: "Head of Commissioning", authority: "Delegated decision"],
         briefing      : [date: "2026-12-28", coversDuty: true, by: "Equalities lead"],
         awardEqia     : [assessedOn: "2026-12-28", relevance: "HIGH", severity: "LOW", entries: fullEqia().entries],
         equalityEffect: "The equality criteria did not separate the two tenders.", reviewSchedule: "Annual equality review",
         monitoringPlan: [frequency: "QUARTERLY", disaggregatedBy: ["RACE", "SEX", "GENDER_REASSIGNMENT", "DISABILITY", "AGE", "RELIGION_BELIEF", "SEXUAL_ORIENTATION"],
                          suppressionThreshold: 5, needsBaseline: [[group: "Deaf women", expectedSharePct: 10]]],
         minutes       : "Decision note 29 December 2026"]
    }

    static Map fullEqia(LocalDate assessedOn = LocalDate.of(2026, 2, 1)) {
        def entries = CHARACTERISTICS.collectMany { c ->
            LIMBS.collect { l ->
                [characteristic: c, limb: l, evidence: "Needs assessment 2026", impact: "Positive", mitigation: "Specialist lot"] + (l == "ADVANCE_EQUALITY" ? ADVANCING : [:])
            }
        } + [[characteristic: "MARRIAGE_CIVIL_PARTNERSHIP", limb: "ELIMINATE_DISCRIMINATION", evidence: "Needs assessment 2026", impact: "Neutral"]]
        [assessedOn: assessedOn.toString(), relevance: "HIGH", specialistImpact: "Specialist provision kept in its own lot", entries: entries]
    }

    /** Round details that meet the safeguards: conflicts assessed, monitoring by every characteristic, equality clauses. */
    static Map goodDetails(LocalDate conflictsAssessedOn = LocalDate.of(2026, 2, 1)) {
        [socialValueConsidered    : true,
         conflictsAssessedOn      : conflictsAssessedOn.toString(),
         monitoringCharacteristics: ["RACE", "SEX", "GENDER_REASSIGNMENT", "DISABILITY", "AGE", "RELIGION_BELIEF", "SEXUAL_ORIENTATION"],
         dataProtectionBasis      : "DPA 2018 Sch 1 para 8",
         contractClauses          : ["COMPLY_EQUALITY_ACT", "ASSIST_PSED", "ACKNOWLEDGE_S149_2", "FLOW_DOWN_TO_SUBCONTRACTORS"]]
    }

    /** A pooled domestic abuse round: three partners, two lots, an EqIA, deadline as given. */
    static Map aRound(Instant deadline, LocalDate commencement = LocalDate.of(2026, 3, 2)) {
        [
                title           : "Riverside domestic abuse services",
                description     : "Council, NHS and PCC pool budgets into one round.",
                commencementDate: commencement.toString(),
                tenderDeadline  : deadline.toString(),
                partners        : [
                        [name: "Riverside Council", type: "COUNCIL", lead: true, budgetLines: [[financialYear: "2027/28", amountPence: 30_000_000]]],
                        [name: "Riverside NHS ICB", type: "NHS", lead: false, budgetLines: [[financialYear: "2027/28", amountPence: 15_000_000]]],
                        [name: "Riverside PCC", type: "PCC", lead: false, budgetLines: [[financialYear: "2027/28", amountPence: 5_000_000]]],
                ],
                lots            : [
                        [title: "Community outreach", valueInclVatPence: 90_000_000, termMonths: 36, minTurnoverPence: 60_000_000, criteria: criteria()],
                        [title: "Deaf and disabled survivors", valueInclVatPence: 30_000_000, termMonths: 36, criteria: criteria()],
                ],
                eqia            : fullEqia(),
                details         : goodDetails(),
        ]
    }

    static List<Map> answers(Map lot) {
        lot.criteria.findAll { it.kind != "PRICE" && it.scored != false }.collect { [criterionId: it.id, answer: "Our plan for ${it.title.toLowerCase()}, section 2.".toString()] }
    }

    /** Declarations with nothing to declare. */
    static Map cleanDeclarations() {
        [mandatoryExclusionGround: false, discretionaryExclusionGround: false, recurrenceLikely: false, equalityLawFindings: 0,
         remedialSteps: null, conflictOfInterest: false, conflictDetails: null]
    }

    /** A complete tender for a lot: price, VAT basis, answers, declarations, evidence for every duty and a monitoring plan. */
    /**
     * A tender's consortium of one member with its own clean declarations, for a small lead whose own
     * turnover is short of a lot's condition (SEL-04 counts the consortium's): without it the lead
     * is out of the award when eligibility is checked again.
     */
    static Map consortiumWith(String member, long turnoverPence) {
        [consortium: [[name: member, registrationNumber: "GB-CHC-1100222", legalForm: "REGISTERED_CHARITY", turnoverPence: turnoverPence,
                       role: "Refuge and helpline delivery", declarations: cleanDeclarations()]]]
    }

    static Map tender(Map lot, long pricePence, Map extra = [:]) {
        [pricePence      : pricePence,
         vatBasis        : "EXCLUDING_VAT",
         answers         : answers(lot),
         declarations    : cleanDeclarations(),
         equalityEvidence: ["RACE", "DISABILITY", "SEX"].collect { duty ->
             [duty: duty, type: "PLAN", description: "Costed delivery plan for the ${duty.toLowerCase()} duty, with named staff and KPIs".toString()]
         },
         monitoringPlan  : [characteristics: ["RACE", "DISABILITY", "SEX", "AGE", "GENDER_REASSIGNMENT", "RELIGION_BELIEF", "SEXUAL_ORIENTATION"],
                            frequency: "QUARTERLY",
                            description: "Outcomes and access reported by characteristic each quarter; counts under 5 suppressed",
                            dataProtectionSafeguards: true]] + extra
    }

    /** A complete organisation profile as members enter it. */
    static Map profile(String name, String registrationNumber, Map extra = [:]) {
        [name: name, legalForm: "CIO", registrationNumber: registrationNumber, charityNumber: null, companyNumber: null,
         incomePence: 30_000_000, balanceSheetPence: 12_000_000, staffHeadcount: 9, accountsType: "INDEPENDENT_EXAMINATION",
         insuranceHeld: false, insuranceUndertaking: true,
         experience: [[description: "Grant-funded outreach", kind: "GRANT_FUNDED", valuePerYearPence: 18_000_000, fromYear: 2019, toYear: null]]] + extra
    }

    /** Scores for every non-price criterion of a lot: duty scores by duty, quality otherwise. */
    static Map scores(Map lot, Map<String, Integer> byDuty, int quality, String who) {
        [scores: lot.criteria.findAll { it.kind != "PRICE" && it.scored != false }.collect { c ->
            int value = c.duty ? byDuty[c.duty] : quality
            [criterionId: c.id, score: value, reason: "$who: section 2 of the tender on ${c.title.toLowerCase()} earns $value.".toString()]
        }]
    }
}
