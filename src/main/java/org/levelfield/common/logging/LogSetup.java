package org.levelfield.common.logging;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * How the service logs, set up in code rather than from an XML file (reading the XML was about a tenth of a second of
 * every start): to standard output, one line per event, {@code HH:mm:ss.SSS LEVEL logger - message}, or with
 * {@code LOG_FORMAT=json} one JSON object per line (logback's JsonEncoder). Levels: Levelfield and Micronaut INFO,
 * Drools ERROR (it advises on package names matching folders and on eval(), neither of which applies to rules loaded
 * from rules/), the KIE API and the connection pool WARN, everything else WARN.
 *
 * <p>A logback file given with {@code -Dlogback.configurationFile=...}, or one on the class path under the names logback
 * itself looks for ({@code logback-test.xml}, as the specs have, or {@code logback.xml}), is used instead.
 */
public class LogSetup extends ContextAwareBase implements Configurator {

    static final Map<String, Level> LEVELS = Map.of(
            "org.levelfield", Level.INFO,
            "io.micronaut", Level.INFO,
            "org.flywaydb", Level.INFO,
            "org.drools", Level.ERROR,
            "org.kie", Level.WARN,
            "com.zaxxer", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LogSetup.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        setUp(context, System.getenv("LOG_FORMAT"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets the context up as described above, in the given format ("json", or anything else for text). */
    static void setUp(LoggerContext context, String format) {
        Encoder<ILoggingEvent> encoder = "json".equalsIgnoreCase(format) ? json() : text();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static Encoder<ILoggingEvent> text() {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n");
        return text;
    }

    private static Encoder<ILoggingEvent> json() {
        JsonEncoder json = new JsonEncoder();
        json.setWithArguments(false);
        json.setWithMessage(false);
        json.setWithFormattedMessage(true);
        json.setWithContext(false);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        return json;
    }
}
