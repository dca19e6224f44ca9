package org.levelfield.rules.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts once lived in one package, org.levelfield.rules.facts; those one stage reads now live beside
 * it (rules.facts.scoring, rules.facts.award …). A ruleset frozen with a round before the move still
 * imports them by their old names: its text is kept as frozen (its version is the hash of that text),
 * and only the copy handed to the compiler is pointed at the new packages.
 */
final class FactPackages {

    /** Each moved fact and the stage package it moved to. */
    private static final Map<String, String> MOVED = Map.ofEntries(
            Map.entry("AdverseImpact", "award"),
            Map.entry("AmendmentFact", "rounddesign"),
            Map.entry("AssessmentSummaryFact", "award"),
            Map.entry("AwardDecisionFact", "award"),
            Map.entry("AwardSequence", "award"),
            Map.entry("BidderProfileFact", "eligibility"),
            Map.entry("ClarificationRecord", "scoring"),
            Map.entry("ConditionsFact", "rounddesign"),
            Map.entry("ContractTerms", "award"),
            Map.entry("ContractValue", "award"),
            Map.entry("CriterionFact", "rounddesign"),
            Map.entry("CriterionResult", "scoring"),
            Map.entry("CriterionScores", "scoring"),
            Map.entry("DecisionReportFact", "award"),
            Map.entry("DutyEvidence", "scoring"),
            Map.entry("DutyScore", "scoring"),
            Map.entry("ExclusionDeclaration", "eligibility"),
            Map.entry("LotDuties", "scoring"),
            Map.entry("LotMethod", "scoring"),
            Map.entry("LotRanking", "scoring"),
            Map.entry("MandatoryItemFact", "scoring"),
            Map.entry("MonitoringCommitment", "scoring"),
            Map.entry("MonitoringPlanFact", "monitoring"),
            Map.entry("PanelCover", "scoring"),
            Map.entry("PanelDeclaration", "scoring"),
            Map.entry("PartnerReliance", "scoring"),
            Map.entry("PriceCheck", "scoring"),
            Map.entry("ProvisionalAward", "award"),
            Map.entry("PublishedCriteria", "scoring"),
            Map.entry("ReasonPoint", "scoring"),
            Map.entry("RecordArtefact", "award"),
            Map.entry("ScoreCap", "scoring"),
            Map.entry("ScoreReason", "scoring"),
            Map.entry("StandstillFact", "award"),
            Map.entry("SupplierWins", "scoring"),
            Map.entry("TenderEquality", "scoring"),
            Map.entry("WeakReason", "scoring"));

    private static final Pattern OLD_IMPORT = Pattern.compile("import\\s+org\\.levelfield\\.rules\\.facts\\.(\\w+)\\s*;");

    private FactPackages() {
    }

    /** The rule text with every import of a moved fact by its old name pointed at its new package. */
    static String current(String drl) {
        Matcher m = OLD_IMPORT.matcher(drl);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String stage = MOVED.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(stage == null ? m.group()
                    : "import org.levelfield.rules.facts." + stage + "." + m.group(1) + ";"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
