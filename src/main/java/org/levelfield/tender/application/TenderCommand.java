package org.levelfield.tender.application;

import java.util.List;
import java.util.UUID;

import org.levelfield.tender.model.TenderDetails;

/**
 * What a bidder sends for a tender or a draft: a price in pence with its VAT basis, an answer per
 * published criterion, declarations, consortium members, subcontractors or partners, equality
 * evidence per duty, a monitoring plan and the ids of attached files.
 */
public record TenderCommand(Long pricePence, String vatBasis, List<AnswerCommand> answers, TenderDetails.Declarations declarations,
                            List<TenderDetails.ConsortiumMember> consortium, List<TenderDetails.Subcontractor> subcontractors,
                            List<TenderDetails.Evidence> equalityEvidence, TenderDetails.MonitoringPlan monitoringPlan,
                            List<UUID> attachmentIds, List<TenderDetails.MandatoryItem> mandatoryItems) {

    public record AnswerCommand(UUID criterionId, String answer) {
    }

    public TenderDetails details() {
        return new TenderDetails(vatBasis, declarations, consortium, subcontractors, equalityEvidence, monitoringPlan, attachmentIds, mandatoryItems);
    }
}
