package org.levelfield.common.mail;

import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.levelfield.common.document.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an email from its wording in {@code templates/email/<name>.txt} (first line
 * {@code Subject: …}, then a blank line, then the body) and queues it in the outbox.
 */
@Singleton
public class Emails {

    private static final Logger LOG = LoggerFactory.getLogger(Emails.class);

    private final Templates templates;
    private final Outbox outbox;
    private final MailSettings settings;
    private final String publicUrl;

    public Emails(Templates templates, Outbox outbox, MailSettings settings, @Value("${levelfield.public-url}") String publicUrl) {
        this.templates = templates;
        this.outbox = outbox;
        this.settings = settings;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The address people open Levelfield at, for links in emails. */
    public String publicUrl() {
        return publicUrl;
    }

    public UUID send(String recipient, String template, Map<String, ?> model) {
        Map<String, Object> all = new java.util.HashMap<>(model);
        all.put("service", publicUrl);
        String text = templates.render("email/" + template + ".txt", all);
        int split = text.indexOf('\n');
        if (!text.startsWith("Subject:") || split < 0) {
            throw new IllegalStateException("templates/email/" + template + ".txt must start with a 'Subject: ...' line");
        }
        String subject = text.substring("Subject:".length(), split).strip();
        String body = text.substring(split + 1).stripLeading();
        if (settings.logMessages()) {
            LOG.info("Email to {}: {}\n{}", recipient, subject, body);
        }
        return outbox.queue(recipient, subject, body, template);
    }
}
