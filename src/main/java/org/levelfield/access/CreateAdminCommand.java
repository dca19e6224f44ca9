package org.levelfield.access;

import org.levelfield.common.identity.Role;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import org.levelfield.common.audit.AuditTrail;
import org.levelfield.common.mail.Emails;

/**
 * {@code java -jar levelfield.jar create-admin --email you@council.gov.uk [--name "Your Name"] [--password-stdin]}
 *
 * <p>Makes an admin account without any default password: by default it prints a single-use link
 * (valid 7 days, also emailed once SMTP is set) where the admin chooses their password; with
 * {@code --password-stdin} it reads the password from standard input instead. Runs against the
 * configured database without starting the web server.
 */
public final class CreateAdminCommand {

    public static final String NAME = "create-admin";

    private CreateAdminCommand() {
    }

    public static int run(String[] args) {
        PrintStream out = System.out;
        String email = option(args, "--email");
        String name = option(args, "--name");
        boolean fromStdin = java.util.Arrays.asList(args).contains("--password-stdin");
        if (email == null) {
            System.err.println("Usage: java -jar levelfield.jar create-admin --email you@council.gov.uk [--name \"Your Name\"] [--password-stdin]");
            return 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().environments("cli")
                .properties(Map.of("levelfield.closing.enabled", "false", "levelfield.mail.sending", "false", "levelfield.demo.seed", "false"))
                .start()) {
            Accounts accounts = context.getBean(Accounts.class);
            if (accounts.byEmail(email).isPresent()) {
                System.err.println("There is already an account for " + Accounts.normaliseEmail(email) + ". Reset its password, or choose another address.");
                return 1;
            }
            long admins = accounts.activeAdmins();
            if (admins > 0) {
                out.println("Note: there " + (admins == 1 ? "is already 1 active admin" : "are already " + admins + " active admins") + "; this adds another.");
            }
            if (fromStdin) {
                return withPassword(context, accounts, email, name, out);
            }
            var issued = context.getBean(Invitations.class).inviteStaff(email, Role.ADMIN.name(), null);
            out.println("Admin invitation for " + issued.link().email() + ". Open this link to choose the password (it works once, until "
                    + AccountLinks.Format.when(issued.link().expiresAt()) + "):");
            out.println();
            out.println("  " + context.getBean(Invitations.class).url(issued));
            out.println();
            out.println("It is also emailed to " + issued.link().email() + " once the service runs with SMTP_HOST set.");
            return 0;
        } catch (org.levelfield.common.web.ProblemException refused) {
            System.err.println(refused.getMessage());
            return 1;
        }
    }

    private static int withPassword(ApplicationContext context, Accounts accounts, String email, String name, PrintStream out) {
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (java.io.IOException e) {
            System.err.println("Could not read the password from standard input: " + e.getMessage());
            return 1;
        }
        String displayName = name == null || name.isBlank() ? email.strip() : name.strip();
        var problem = PasswordPolicy.problem(password, email, displayName);
        if (problem.isPresent()) {
            System.err.println(problem.get() + ".");
            return 1;
        }
        var errors = new java.util.ArrayList<org.levelfield.common.web.ProblemException.FieldError>();
        EmailAddresses.check(errors, "email", email);
        if (!errors.isEmpty()) {
            System.err.println(errors.getFirst().message() + ".");
            return 1;
        }
        UserAccount admin = accounts.create(email, displayName, PasswordHasher.hash(password), Role.ADMIN, null, AccountStatus.ACTIVE, "LOCAL");
        context.getBean(AuditTrail.class).append("ACCOUNT_CREATED", null, null, "account:" + admin.id(),
                Map.of("email", admin.username(), "role", "ADMIN", "by", NAME));
        out.println("Admin account " + admin.username() + " created. Sign in at " + context.getBean(Emails.class).publicUrl()
                + " (POST /api/login with this address and the password).");
        return 0;
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
