package org.levelfield.bidder.web;

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
import org.levelfield.common.identity.Actor;
import org.levelfield.access.Invitations;
import org.levelfield.access.Memberships;
import org.levelfield.bidder.Codes;
import org.levelfield.bidder.OrganisationProfile;
import org.levelfield.bidder.OrganisationProfiles;
import org.levelfield.bidder.SigningUp;
import org.levelfield.common.web.ProblemException;
import org.levelfield.common.web.pages.Form;
import org.levelfield.common.web.pages.Labels;
import org.levelfield.common.web.pages.Money;
import org.levelfield.common.web.pages.Page;

/**
 * A bidding organisation's own pages: register, the profile (prefilled from the "can we bid?"
 * answers when it is new), and colleagues. The monitoring questions have their own page, in the
 * monitoring package, which nothing that decides eligibility or scores may reach. Each calls
 * the same service as the JSON API.
 */
@Controller
@ExecuteOn(RequestThreads.NAME)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class OrganisationPages {

    private static final Map<String, String> PROFILE_FIELDS = Map.of("incomePence", "income", "balanceSheetPence", "balanceSheet",
            "staffHeadcount", "staff", "organisationName", "name", "reservesPence", "reserves");

    private final SigningUp signingUp;
    private final OrganisationProfiles profiles;
    private final Memberships memberships;
    private final Invitations invitations;
    private final EligibilityPages eligibility;
    private final Labels labels;

    public OrganisationPages(SigningUp signingUp, OrganisationProfiles profiles, Memberships memberships,
                             Invitations invitations, EligibilityPages eligibility, Labels labels) {
        this.signingUp = signingUp;
        this.profiles = profiles;
        this.memberships = memberships;
        this.invitations = invitations;
        this.eligibility = eligibility;
        this.labels = labels;
    }

    @Get("/register")
    public HttpResponse<?> registerPage(HttpRequest<?> request) {
        Map<String, Object> model = Page.model("Register your organisation");
        Map<String, Object> answers = eligibility.answers(request);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("organisationName", answers.get("name"));
        typed.put("legalForm", answers.get("legalForm"));
        model.put("typed", typed);
        return Page.render("bidder/register", model);
    }

    @Post(value = "/register", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> register(HttpRequest<?> request, @Nullable @Body Map<String, Object> body) {
        Map<String, Object> model = Page.model("Register your organisation");
        model.put("typed", Form.of(body).typed());
        try {
            Form f = Form.read(request, body);
            String message = signingUp.register(new SigningUp.Registration(f.text("organisationName"), f.text("legalForm"),
                    f.text("registrationNumber"), f.text("charityNumber"), f.text("companyNumber"), f.text("name"), f.text("email"),
                    f.list("password").isEmpty() ? null : Form.of(body).list("password").getFirst()));
            Map<String, Object> done = Page.model("Check your email");
            done.put("message", message);
            done.put("signIn", false);
            return Page.render("account/done", done);
        } catch (ProblemException refused) {
            return Page.render("bidder/register", Page.refused(model, refused, f -> f.startsWith("body") ? "organisationName" : f));
        }
    }

    @Get("/organisation")
    public HttpResponse<?> organisation(HttpRequest<?> request, @Nullable Authentication authentication) {
        return Page.render("bidder/organisation", organisationModel(Page.member(authentication, request)));
    }

    private Map<String, Object> organisationModel(Actor actor) {
        OrganisationProfile profile = profiles.find(actor.organisationId()).orElseThrow();
        Map<String, Object> model = Page.model(profile.name());
        model.put("profile", profile);
        model.put("complete", profile.incomePence() != null && profile.staffHeadcount() != null && profile.accountsType() != null);
        model.put("members", memberships.members(actor.organisationId()));
        var open = invitations.openMemberInvitations(actor.organisationId());
        model.put("invitations", open);
        model.put("invitedEmails", String.join(", ", open.stream().map(Invitations.Invitation::email).toList()));
        model.put("sme", profile.qualifiesAsSme());
        model.put("numbers", String.join(", ", java.util.stream.Stream.of(profile.registrationNumber(), profile.charityNumber(), profile.companyNumber())
                .filter(java.util.Objects::nonNull).toList()));
        model.put("vcse", profile.qualifiesAsVcse());
        return model;
    }

    @Get("/organisation/profile")
    public HttpResponse<?> profilePage(HttpRequest<?> request, @Nullable Authentication authentication,
                                       @Nullable @io.micronaut.http.annotation.QueryValue String fromCheck) {
        Actor actor = Page.member(authentication, request);
        OrganisationProfile p = profiles.find(actor.organisationId()).orElseThrow();
        Map<String, Object> typed = typedProfile(p);
        Map<String, Object> model = Page.model("Your organisation's profile");
        Map<String, Object> answers = eligibility.answers(request);
        if ((p.incomePence() == null || "yes".equals(fromCheck)) && !answers.isEmpty()) {
            if (answers.get("legalForm") != null) {
                typed.put("legalForm", answers.get("legalForm"));
            }
            for (String k : List.of("income", "balanceSheet")) {
                typed.put(k, Money.typed(Money.pounds(answers.get(k) == null ? null : answers.get(k).toString(), "").pence()));
            }
            typed.put("staff", answers.get("staff"));
            typed.put("accountsType", answers.get("accountsType"));
            typed.put("insuranceHeld", answers.get("insuranceHeld"));
            typed.put("insuranceUndertaking", answers.get("insuranceUndertaking"));
            model.put("fromCheck", true);
        }
        model.put("typed", typed);
        model.put("experience", p.experience());
        return Page.render("bidder/profile", model);
    }

    @Post(value = "/organisation/profile", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> saveProfile(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.member(authentication, request);
        Map<String, Object> model = Page.model("Your organisation's profile");
        model.put("typed", Form.of(body).typed());
        try {
            Form f = Form.read(request, body);
            OrganisationProfile current = profiles.find(actor.organisationId()).orElseThrow();
            Money.Read income = Money.pounds(f.text("income"), "yearly income or turnover");
            Money.Read balance = Money.pounds(f.text("balanceSheet"), "the balance sheet total");
            Money.Read reserves = Money.pounds(f.text("reserves"), "the reserves");
            if (!reserves.ok()) {
                Page.error(model, "reserves", reserves.problem());
            }
            Integer staff = null;
            if (!income.ok()) {
                Page.error(model, "income", income.problem());
            } else if (income.pence() == null) {
                Page.error(model, "income", "Enter your yearly income or turnover, like £210,000");
            }
            if (!balance.ok()) {
                Page.error(model, "balanceSheet", balance.problem());
            }
            try {
                staff = f.text("staff") == null ? null : Integer.parseInt(f.text("staff").replace(",", ""));
                if (staff == null) {
                    Page.error(model, "staff", "Enter how many people it employs, like 6");
                }
            } catch (NumberFormatException notANumber) {
                Page.error(model, "staff", "Enter how many people it employs as a whole number, like 6");
            }
            if (!Codes.ACCOUNTS_TYPES.contains(String.valueOf(f.text("accountsType")))) {
                Page.error(model, "accountsType", "Select the kind of accounts it prepares");
            }
            if (!Codes.LEGAL_FORMS.contains(String.valueOf(f.text("legalForm")))) {
                Page.error(model, "legalForm", "Select what kind of organisation it is");
            }
            if (f.yesNo("insuranceHeld") == null) {
                Page.error(model, "insuranceHeld", "Select yes if your organisation has the insurance contracts need");
            }
            List<OrganisationProfile.Experience> experience = new ArrayList<>(current.experience() == null ? List.of() : current.experience());
            if (f.has("experienceDescription") || f.has("experienceKind")) {
                Money.Read value = Money.pounds(f.text("experienceValue"), "the yearly value");
                if (!f.has("experienceDescription")) {
                    Page.error(model, "experienceDescription", "Describe the work, or leave all the experience questions empty");
                }
                if (!Codes.EXPERIENCE_KINDS.contains(String.valueOf(f.text("experienceKind")))) {
                    Page.error(model, "experienceKind", "Select how the work was funded");
                }
                if (!value.ok()) {
                    Page.error(model, "experienceValue", value.problem());
                }
                Integer from = null;
                try {
                    from = f.text("experienceFrom") == null ? null : Integer.parseInt(f.text("experienceFrom"));
                    if (from != null && (from < 1900 || from > 2100)) {
                        Page.error(model, "experienceFrom", "Enter the year the work started, like 2019");
                    }
                } catch (NumberFormatException bad) {
                    Page.error(model, "experienceFrom", "Enter the year the work started, like 2019");
                }
                Integer to = null;
                try {
                    to = f.text("experienceTo") == null ? null : Integer.parseInt(f.text("experienceTo"));
                    if (to != null && (to < 1900 || to > 2100)) {
                        Page.error(model, "experienceTo", "Enter the year the work ended, like 2023, or leave it empty if it is still running");
                    } else if (to != null && from != null && to < from) {
                        Page.error(model, "experienceTo", "The year the work ended must be the year it started or later");
                    }
                } catch (NumberFormatException bad) {
                    Page.error(model, "experienceTo", "Enter the year the work ended, like 2023, or leave it empty if it is still running");
                }
                experience.add(new OrganisationProfile.Experience(f.text("experienceDescription"), f.text("experienceKind"), value.pence(), from, to));
            }
            for (String removed : f.list("removeExperience")) {
                try {
                    int i = Integer.parseInt(removed);
                    if (i >= 0 && i < current.experience().size()) {
                        experience.remove(current.experience().get(i));
                    }
                } catch (NumberFormatException ignored) {
                    Page.error(model, "removeExperience", "Select the experience to remove from the list");
                }
            }
            if (Page.hasErrors(model)) {
                return profileAgain(model, current);
            }
            profiles.update(actor.organisationId(), new OrganisationProfile(current.id(), f.text("name"), f.text("legalForm"),
                    f.text("registrationNumber"), f.text("charityNumber"), f.text("companyNumber"), income.pence(), balance.pence(), staff,
                    f.text("accountsType"), f.yesNo("insuranceHeld"), Boolean.TRUE.equals(f.yesNo("insuranceUndertaking")), experience, null,
                    reserves.pence(), f.text("funderLetter"), f.yesNo("linkedEnterprises"),
                    Boolean.TRUE.equals(f.yesNo("linkedEnterprises")) ? f.text("groupParent") : null, f.text("equalityEvidence"),
                    f.yesNo("ehrcAction")));
            return Page.redirect("/organisation?saved=profile");
        } catch (ProblemException refused) {
            Page.refused(model, refused, f -> PROFILE_FIELDS.getOrDefault(f, f.startsWith("experience[") ? "experienceDescription" : f));
            return profileAgain(model, profiles.find(actor.organisationId()).orElseThrow());
        }
    }

    private HttpResponse<?> profileAgain(Map<String, Object> model, OrganisationProfile current) {
        model.put("experience", current.experience());
        return Page.render("bidder/profile", model);
    }

    @Post(value = "/organisation/colleagues", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> invite(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @Body Map<String, Object> body) {
        Actor actor = Page.member(authentication, request);
        try {
            Form f = Form.read(request, body);
            invitations.inviteMember(actor.organisationId(), f.text("email"), actor);
            return Page.redirect("/organisation?saved=invitation");
        } catch (ProblemException refused) {
            Map<String, Object> model = organisationModel(actor);
            model.put("typed", Form.of(body).typed());
            Page.refused(model, refused, f -> "email");
            return Page.render("bidder/organisation", model);
        }
    }

    private static Map<String, Object> typedProfile(OrganisationProfile p) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("name", p.name());
        typed.put("legalForm", p.legalForm());
        typed.put("registrationNumber", p.registrationNumber());
        typed.put("charityNumber", p.charityNumber());
        typed.put("companyNumber", p.companyNumber());
        typed.put("income", Money.typed(p.incomePence()));
        typed.put("balanceSheet", Money.typed(p.balanceSheetPence()));
        typed.put("staff", p.staffHeadcount());
        typed.put("accountsType", p.accountsType());
        typed.put("insuranceHeld", p.insuranceHeld() == null ? null : p.insuranceHeld() ? "yes" : "no");
        typed.put("insuranceUndertaking", p.insuranceUndertaking() == null ? null : p.insuranceUndertaking() ? "yes" : "no");
        typed.put("reserves", Money.typed(p.reservesPence()));
        typed.put("funderLetter", p.funderLetter());
        typed.put("linkedEnterprises", p.linkedEnterprises() == null ? null : p.linkedEnterprises() ? "yes" : "no");
        typed.put("groupParent", p.groupParent());
        typed.put("equalityEvidence", p.equalityEvidence());
        typed.put("ehrcAction", p.ehrcAction() == null ? null : p.ehrcAction() ? "yes" : "no");
        return typed;
    }


}
