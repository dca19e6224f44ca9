package org.levelfield.common.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: every few seconds, the messages due are locked (other instances skip
 * them), handed to the SMTP server, and marked sent; a message the server does not accept is
 * tried again later, so nothing is lost while the mail server is down.
 */
@Singleton
@Requires(property = "levelfield.mail.sending", notEquals = "false")
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final Mailer mailer;

    public OutboxSender(Outbox outbox, Mailer mailer) {
        this.outbox = outbox;
        this.mailer = mailer;
        if (!mailer.configured()) {
            LOG.warn("SMTP_HOST is not set: emails are kept in the outbox (table outbox_message) and sent once it is");
        }
    }

    @Scheduled(fixedDelay = "${levelfield.mail.interval:5s}", initialDelay = "${levelfield.mail.interval:5s}")
    void scheduled() {
        if (mailer.configured()) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                LOG.warn("Could not deliver the outbox this time: {}", e.getMessage());
            }
        }
    }

    /** Delivers what is due now; returns how many the server accepted. */
    @Transactional
    public int deliverDue() {
        int sent = 0;
        for (Outbox.Message m : outbox.lockDue(BATCH)) {
            try {
                mailer.send(m.recipient(), m.subject(), m.body());
                outbox.markSent(m.id());
                sent++;
            } catch (Exception e) {
                LOG.warn("Email {} to {} not accepted (attempt {}): {}", m.id(), m.recipient(), m.attempts() + 1, e.getMessage());
                outbox.markFailed(m, e.getMessage());
            }
        }
        return sent;
    }
}
