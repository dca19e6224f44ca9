package org.levelfield.common.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where email goes: {@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USERNAME}, {@code SMTP_PASSWORD},
 * {@code SMTP_FROM}, {@code SMTP_STARTTLS} (see application.yml). With no host, messages are kept in
 * the outbox and not sent.
 */
@ConfigurationProperties("levelfield.mail")
public record MailSettings(@Nullable String host, int port, @Nullable String username, @Nullable String password, String from,
                           boolean starttls, boolean logMessages) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
