package org.levelfield.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.levelfield.common.identity.Actor;
import org.levelfield.access.Organisation;
import org.levelfield.access.Organisations;
import org.levelfield.access.PasswordHasher;
import org.levelfield.common.identity.Role;
import org.levelfield.access.UserAccount;
import org.levelfield.access.UserAccounts;
import org.levelfield.bidder.OrganisationProfile;
import org.levelfield.bidder.OrganisationProfiles;
import org.levelfield.round.application.ApprovingDesign;
import org.levelfield.round.application.DraftingRound;
import org.levelfield.round.application.PublishingRound;
import org.levelfield.round.application.RoundCommand;
import org.levelfield.round.application.RoundCommand.CriterionCommand;
import org.levelfield.round.infrastructure.Rounds;
import org.levelfield.round.model.RoundDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds demo accounts (one per role, two bidding organisations) and a published demo round, so a
 * newcomer can try everything at once. Runs only when levelfield.demo.seed is true and the
 * database has no accounts and no rounds: it never touches a database holding real data.
 */
@Singleton
@Requires(property = "levelfield.demo.seed", value = "true")
public class DemoSeeder {

    public static final String PASSWORD = "levelfield-demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final OrganisationProfiles profiles;
    private final Rounds rounds;
    private final DraftingRound creating;
    private final PublishingRound publishing;
    private final ApprovingDesign approving;
    private final Clock clock;

    public DemoSeeder(UserAccounts accounts, Organisations organisations, OrganisationProfiles profiles, Rounds rounds, DraftingRound creating,
                      PublishingRound publishing, ApprovingDesign approving, Clock clock) {
        this.approving = approving;
        this.accounts = accounts;
        this.organisations = organisations;
        this.profiles = profiles;
        this.rounds = rounds;
        this.creating = creating;
        this.publishing = publishing;
        this.clock = clock;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        seedIfEmpty();
    }

    @Transactional
    public boolean seedIfEmpty() {
        if (accounts.count() > 0 || !rounds.isEmpty()) {
            LOG.info("Database already holds data; demo seeding skipped");
            return false;
        }
        Instant now = clock.instant();
        String hash = PasswordHasher.hash(PASSWORD);
        Organisation sisters = organisations.save(new Organisation(UUID.randomUUID(), "Sister Space CIO", "GB-CHC-1190001", now));
        Organisation generic = organisations.save(new Organisation(UUID.randomUUID(), "Generic Support Services Ltd", "GB-COH-09990001", now));
        UserAccount commissioner = accounts.save(new UserAccount(UUID.randomUUID(), "commissioner", "Chris Commissioner", hash, Role.COMMISSIONER, null, now));
        accounts.save(new UserAccount(UUID.randomUUID(), "evaluator", "Eve Evaluator", hash, Role.EVALUATOR, null, now));
        accounts.save(new UserAccount(UUID.randomUUID(), "evaluator2", "Esi Evaluator", hash, Role.EVALUATOR, null, now));
        accounts.save(new UserAccount(UUID.randomUUID(), "evaluator3", "Ezra Evaluator", hash, Role.EVALUATOR, null, now));
        accounts.save(new UserAccount(UUID.randomUUID(), "bidder", "Bola Bidder (Sister Space)", hash, Role.BIDDER, sisters.id(), now));
        accounts.save(new UserAccount(UUID.randomUUID(), "bidder2", "Ben Bidder (Generic Support)", hash, Role.BIDDER, generic.id(), now));
        accounts.save(new UserAccount(UUID.randomUUID(), "scrutiny", "Sam Scrutiny", hash, Role.SCRUTINY, null, now));
        accounts.save(new UserAccount(UUID.randomUUID(), "admin", "Ada Admin", hash, Role.ADMIN, null, now));
        profiles.update(sisters.id(), new OrganisationProfile(sisters.id(), sisters.name(), "CIO", "GB-CHC-1190001", "1190001", null,
                30_000_000L, 12_000_000L, 9, "INDEPENDENT_EXAMINATION", false, true,
                List.of(new OrganisationProfile.Experience("Outreach for Black and minoritised survivors", "GRANT_FUNDED", 18_000_000L, 2019, null),
                        new OrganisationProfile.Experience("Peer support groups run by volunteers", "VOLUNTEER", null, 2015, null)), null));
        profiles.update(generic.id(), new OrganisationProfile(generic.id(), generic.name(), "COMPANY", "GB-COH-09990001", null, "09990001",
                1_200_000_000L, 400_000_000L, 310, "AUDITED", true, false,
                List.of(new OrganisationProfile.Experience("Housing support contracts", "PUBLIC_CONTRACT", 300_000_000L, 2012, null)), null));
        Actor actor = new Actor(commissioner.id(), commissioner.username(), commissioner.displayName(), Role.COMMISSIONER, null, List.of());
        var round = creating.create(demoRound(now), actor);
        for (var partner : round.partners()) {
            approving.signOff(round.id(), partner.id(), new ApprovingDesign.SignOffCommand("Director for " + partner.name(), "Director"), actor);
        }
        approving.approve(round.id(), actor);
        publishing.publish(round.id(), actor).orElseThrow(refused -> new IllegalStateException("the demo round was refused: " + refused.message()));
        LOG.info("Seeded demo accounts (password '{}') and the published demo round '{}'", PASSWORD, round.title());
        return true;
    }

    private static RoundCommand demoRound(Instant now) {
        List<CriterionCommand> criteria = List.of(
                new CriterionCommand("Price", "PRICE", null, new BigDecimal("30"), null, null, null, null, "Lowest compliant price / tender price x 30", null),
                new CriterionCommand("Service delivery and safety", "QUALITY", null, new BigDecimal("40"),
                        "0 no response; 1 major concerns; 2 partial; 3 meets the specification; 4 good; 5 excellent with added value", 1500, "TENDER", null, "Mean of the panel's scores / 5 x weight", null),
                new CriterionCommand("Race equality: reaching Black and minoritised survivors", "EQUALITY", "RACE", new BigDecimal("10"),
                        "5 costed plan naming partners with KPIs by ethnicity; 3 credible plan; 2 or less policy statements only", 750, "TENDER", null, "Mean of the panel's scores / 5 x weight", null),
                new CriterionCommand("Disability equality: access for Deaf and disabled survivors", "EQUALITY", "DISABILITY", new BigDecimal("10"),
                        "5 anticipatory adjustments (BSL, Easy Read, accessible refuge) resourced and costed; 3 credible plan; 2 or less policy only", 750, "TENDER", null, "Mean of the panel's scores / 5 x weight", null),
                new CriterionCommand("Sex equality: gender-informed practice", "EQUALITY", "SEX", new BigDecimal("10"),
                        "5 gender-informed practice with justified single-sex provision and routes for all survivors; 3 credible plan; 2 or less policy only", 750, "TENDER", null, "Mean of the panel's scores / 5 x weight", null));
        return new RoundCommand(
                "Demo: Anytown domestic abuse support 2027-2030",
                "A pooled domestic abuse service for Anytown Local Strategic Partnership, in two lots.",
                LocalDate.ofInstant(now, java.time.ZoneOffset.UTC),
                now.plus(Duration.ofDays(35)),
                List.of(new RoundCommand.PartnerCommand("Anytown Council", "COUNCIL", true,
                                List.of(new RoundCommand.BudgetLineCommand("2027/28", 40_000_000L, "Community support"))),
                        new RoundCommand.PartnerCommand("Anytown Police and Crime Commissioner", "PCC", false,
                                List.of(new RoundCommand.BudgetLineCommand("2027/28", 15_000_000L, "Victims' services")))),
                List.of(new RoundCommand.LotCommand("Community outreach", 90_000_000L, 36, 60_000_000L, null, null, null, false, null, criteria, null),
                        new RoundCommand.LotCommand("Deaf and disabled survivors", 30_000_000L, 36, null, null, null, null, false, null, criteria, null)),
                demoEqia(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)),
                new RoundDetails("Two lots: community outreach, and a specialist lot for Deaf and disabled survivors", null, null, null,
                        true, true, true, false, null, List.of(), null, null, List.of(), false, List.of(), "CONTRACT", true,
                        LocalDate.ofInstant(now, java.time.ZoneOffset.UTC),
                        List.of("RACE", "SEX", "GENDER_REASSIGNMENT", "DISABILITY", "AGE", "RELIGION_BELIEF", "SEXUAL_ORIENTATION"),
                        "DPA 2018 Sch 1 para 8",
                        List.of("COMPLY_EQUALITY_ACT", "ASSIST_PSED", "ACKNOWLEDGE_S149_2", "FLOW_DOWN_TO_SUBCONTRACTORS"), false,
                        List.of("EQUALITY_SCORE", "QUALITY_SCORE", "LOWER_PRICE"), null, null));
    }

    /** A design-stage EqIA with an entry for every characteristic and limb of s149. */
    private static RoundCommand.EqiaCommand demoEqia(LocalDate on) {
        List<RoundCommand.EqiaEntryCommand> entries = new java.util.ArrayList<>();
        for (String characteristic : List.of("AGE", "DISABILITY", "GENDER_REASSIGNMENT", "PREGNANCY_MATERNITY", "RACE",
                "RELIGION_BELIEF", "SEX", "SEXUAL_ORIENTATION")) {
            for (String limb : List.of("ELIMINATE_DISCRIMINATION", "ADVANCE_EQUALITY", "FOSTER_GOOD_RELATIONS")) {
                boolean advancing = limb.equals("ADVANCE_EQUALITY");
                entries.add(new RoundCommand.EqiaEntryCommand(characteristic, limb, "Anytown needs assessment 2026, section 4",
                        "Positive if specialist provision is kept", "Separate lot for Deaf and disabled survivors", null, null, null, null,
                        advancing ? "Specialist lot reaches survivors the generic service misses" : null,
                        advancing ? "Interpreting, BSL and culturally specific workers are costed in" : null,
                        advancing ? "A survivors' panel shapes the service and reviews it yearly" : null));
            }
        }
        entries.add(new RoundCommand.EqiaEntryCommand("MARRIAGE_CIVIL_PARTNERSHIP", "ELIMINATE_DISCRIMINATION",
                "Anytown needs assessment 2026, section 4", "Neutral", "None needed", null, null, null));
        return new RoundCommand.EqiaCommand(on, "HIGH", "Specialist provision kept in a separate lot", entries);
    }
}
