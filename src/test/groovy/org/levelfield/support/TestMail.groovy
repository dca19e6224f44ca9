package org.levelfield.support

import com.icegreen.greenmail.util.GreenMail
import com.icegreen.greenmail.util.ServerSetup
import jakarta.mail.internet.MimeMessage

/**
 * A real SMTP server (GreenMail) in the test JVM, on a port of its own. A spec points the service
 * at it with {@link #properties()} and reads what arrived.
 */
class TestMail {

    final int port
    private GreenMail server

    TestMail() {
        port = new ServerSocket(0).withCloseable { it.localPort }
        start()
    }

    void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        server.start()
    }

    void stop() {
        server.stop()
    }

    /** The service sends here; the outbox is delivered when a spec asks (OutboxSender.deliverDue), not on a timer. */
    Map<String, String> properties() {
        ["levelfield.mail.host": "127.0.0.1", "levelfield.mail.port": "$port".toString(), "levelfield.mail.starttls": "false",
         "levelfield.mail.interval": "1h", "levelfield.mail.from": "Levelfield <no-reply@levelfield.test>"]
    }

    List<MimeMessage> to(String address) {
        server.receivedMessages.findAll { m -> m.allRecipients*.toString().any { it.equalsIgnoreCase(address) } }
    }

    static String text(MimeMessage message) {
        message.content.toString()
    }

    /** The secret at the end of the newest link to {@code path} in mail received for this address. */
    String linkSecret(String address, String path) {
        for (MimeMessage m : to(address).reverse()) {
            def found = text(m) =~ ("https?://\\S*" + java.util.regex.Pattern.quote(path) + "([A-Za-z0-9_-]+)")
            if (found.find()) return found.group(1)
        }
        throw new AssertionError("no mail to $address holds a link to $path; received: ${to(address).collect { it.subject }}")
    }
}
