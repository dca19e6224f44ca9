package org.levelfield.common.mail;

import java.util.Properties;

import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Hands one message to the SMTP server (Jakarta Mail). */
@Singleton
public class Mailer {

    private final MailSettings settings;
    private final Session session;

    public Mailer(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        if (settings.configured()) {
            p.put("mail.smtp.host", settings.host());
            p.put("mail.smtp.port", String.valueOf(settings.port()));
            p.put("mail.smtp.connectiontimeout", "10000");
            p.put("mail.smtp.timeout", "10000");
            p.put("mail.smtp.writetimeout", "10000");
            p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
            p.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
            boolean auth = settings.username() != null && !settings.username().isBlank();
            p.put("mail.smtp.auth", String.valueOf(auth));
        }
        this.session = Session.getInstance(p, settings.username() == null || settings.username().isBlank() ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password() == null ? "" : settings.password());
            }
        });
    }

    public boolean configured() {
        return settings.configured();
    }

    public void send(String recipient, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient, true));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }
}
