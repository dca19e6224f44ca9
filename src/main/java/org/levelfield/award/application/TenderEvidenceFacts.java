package org.levelfield.award.application;

import java.util.ArrayList;
import java.util.List;

import org.levelfield.round.model.Criterion;
import org.levelfield.round.model.CriterionKind;
import org.levelfield.round.model.Duty;
import org.levelfield.round.model.Lot;
import org.levelfield.rules.facts.scoring.DutyEvidence;
import org.levelfield.rules.facts.scoring.PartnerReliance;
import org.levelfield.tender.model.Tender;
import org.levelfield.tender.model.TenderDetails;

/** The facts the equality-evidence rules read (EQ-06, EQ-07), one per equality criterion of the tender's lot. */
final class TenderEvidenceFacts {

    private TenderEvidenceFacts() {
    }

    static List<Object> of(Lot lot, Tender t) {
        List<Object> facts = new ArrayList<>();
        for (Criterion c : lot.criteria()) {
            if (c.kind() != CriterionKind.EQUALITY || c.duty() == null || c.duty() == Duty.OTHER) {
                continue;
            }
            String duty = c.duty().name();
            facts.add(new DutyEvidence(t.id().toString(), t.organisationName(), c.id().toString(), c.title(), duty,
                    t.details().equalityEvidence().stream().filter(e -> duty.equals(e.duty())).map(TenderDetails.Evidence::type).toList()));
            for (TenderDetails.Subcontractor s : t.details().subcontractors()) {
                if (s.duties() != null && s.duties().contains(duty)) {
                    facts.add(new PartnerReliance(t.id().toString(), t.organisationName(), c.id().toString(), c.title(), duty, s.name(),
                            s.commitmentLetterId() != null, s.sharePercent(), s.paymentDays(), Boolean.TRUE.equals(s.fullCostRecovery()),
                            TenderDetails.REFERRAL_PARTNER.equals(s.kind())));
                }
            }
        }
        return facts;
    }
}
