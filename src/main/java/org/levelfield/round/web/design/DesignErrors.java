package org.levelfield.round.web.design;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.levelfield.common.web.ProblemException;

/**
 * A reason the round could not be saved, from the field path the API's checks name it by
 * ({@code lots[1].criteria[0].weight}), put in words ("Lot 2 (Community outreach), criterion 1 (Price),
 * weight: must be from 0 to 100") with the page of the design where it is put right.
 */
final class DesignErrors {

    private DesignErrors() {
    }

    private static final Pattern LOT = Pattern.compile("^lots\\[(\\d+)](?:\\.(.*))?$");
    private static final Pattern CRITERION = Pattern.compile("^criteria\\[(\\d+)](?:\\.(.*))?$");
    private static final Pattern PARTNER = Pattern.compile("^partners\\[(\\d+)](?:\\.(.*))?$");
    private static final List<String> CONDITIONS = List.of("minTurnoverPence", "turnoverJustification", "eligibilityRestriction", "reservationBasis",
            "requiresAuditedAccounts", "insuranceTiming", "terms.minTradingYears", "terms.minPriorContractValuePence",
            "terms.publicContractExperienceOnly", "terms.requiredAccreditations", "terms.minStaffHeadcount", "terms.minContractCount",
            "terms.experiencePeriodYears", "terms.publicLiabilityCoverPence", "terms.employersLiabilityCoverPence",
            "terms.professionalIndemnityCoverPence", "terms.equalityEvidenceRequired");

    static DesignPages.SaveError of(ProblemException.FieldError error, JsonNode copy, String base) {
        String path = error.field() == null ? "" : error.field();
        String message = error.message();
        Matcher lot = LOT.matcher(path);
        if (lot.matches()) {
            int i = Integer.parseInt(lot.group(1));
            String rest = lot.group(2) == null ? "" : lot.group(2);
            String lotName = "Lot " + (i + 1) + named(copy.path("lots").path(i).path("title"));
            Matcher criterion = CRITERION.matcher(rest);
            if (criterion.matches()) {
                int j = Integer.parseInt(criterion.group(1));
                String field = criterion.group(2) == null ? "" : ", " + words(criterion.group(2));
                return new DesignPages.SaveError(lotName + ", criterion " + (j + 1) + named(copy.path("lots").path(i).path("criteria").path(j).path("title"))
                        + field + ": " + message, base + "/lots/" + i + "/criteria/" + j);
            }
            if (rest.equals("criteria")) {
                return new DesignPages.SaveError(lotName + ": " + message, base + "/lots/" + i + "/criteria");
            }
            boolean conditions = CONDITIONS.stream().anyMatch(rest::startsWith);
            return new DesignPages.SaveError(lotName + (rest.isEmpty() ? "" : ", " + words(rest)) + ": " + message,
                    base + "/lots/" + i + (conditions ? "/conditions" : ""));
        }
        if (path.equals("lots")) {
            return new DesignPages.SaveError("Lots: " + message, base + "/lots");
        }
        Matcher partner = PARTNER.matcher(path);
        if (partner.matches()) {
            int i = Integer.parseInt(partner.group(1));
            return new DesignPages.SaveError("Partner " + (i + 1) + named(copy.path("partners").path(i).path("name"))
                    + (partner.group(2) == null ? "" : ", " + words(partner.group(2))) + ": " + message, base + "/partners/" + i);
        }
        if (path.startsWith("partners")) {
            return new DesignPages.SaveError("Partners: " + message, base + "/partners");
        }
        if (path.startsWith("eqia")) {
            return new DesignPages.SaveError("Equality impact assessment, " + words(path.substring(4).replaceFirst("^\\.", "")) + ": " + message,
                    base + "/eqia");
        }
        if (path.startsWith("details.")) {
            String rest = path.substring("details.".length());
            String page = rest.startsWith("incumbents") ? "incumbents"
                    : DesignSections.DETAILS.values().stream().filter(p -> p.fields().stream().anyMatch(f -> !f.path().isEmpty()
                            && (rest.startsWith(f.path()) || rest.startsWith(f.path().split("\\.")[0]) || (rest.startsWith("tieBreak") && f.path().startsWith("tieBreak")))))
                    .map(DesignSections.DetailsPage::key).findFirst().orElse("evaluation");
            return new DesignPages.SaveError("Round details, " + words(rest) + ": " + message, base + "/details/" + page);
        }
        return new DesignPages.SaveError("About the round" + (path.isEmpty() || path.equals("body") ? "" : ", " + words(path)) + ": " + message,
                base + "/about");
    }

    private static String named(JsonNode title) {
        return title.isTextual() && !title.asText().isBlank() ? " (" + title.asText() + ")" : "";
    }

    /** "terms.priceCeilingPence" as "price ceiling"; "valueInclVatPence" as "value incl vat". */
    static String words(String path) {
        String last = path.replaceAll("\\[\\d+]", "");
        String[] parts = last.split("\\.");
        String name = parts[parts.length - 1].replaceAll("Pence$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.UK);
        return name;
    }
}
