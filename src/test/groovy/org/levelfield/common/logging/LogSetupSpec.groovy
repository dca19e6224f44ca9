package org.levelfield.common.logging

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.LoggerContext
import ch.qos.logback.classic.spi.Configurator
import groovy.json.JsonSlurper
import spock.lang.Specification

/** The service's logging, set up in code (the XML file it replaced took about a tenth of a second of every start). */
class LogSetupSpec extends Specification {

    String logged(String format, Closure write) {
        def before = System.out
        def out = new ByteArrayOutputStream()
        System.setOut(new PrintStream(out, true, "UTF-8"))
        def context = new LoggerContext()
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter())
        try {
            LogSetup.setUp(context, format)
            context.start()
            write(context)
        } finally {
            System.setOut(before)
            context.stop()
        }
        out.toString("UTF-8")
    }

    def "text by default: one line per event with the time, level, logger and message, at the levels the service has always used"() {
        when:
        def text = logged(null) { LoggerContext c ->
            c.getLogger("org.levelfield.rules.engine.RulesEngine").info("Loaded {} rule files", 95)
            c.getLogger("org.levelfield.x").debug("not shown")
            c.getLogger("org.drools.compiler.Something").warn("Drools advice, not shown")
            c.getLogger("org.drools.compiler.Something").error("a Drools error")
            c.getLogger("com.example.Other").info("not shown")
            c.getLogger("com.example.Other").warn("another library's warning")
        }
        def lines = text.readLines()

        then:
        lines.size() == 3
        lines[0] ==~ /\d\d:\d\d:\d\d\.\d{3} INFO  o\.l\.rules\.engine\.RulesEngine - Loaded 95 rule files/
        lines[1].endsWith("ERROR org.drools.compiler.Something - a Drools error")
        lines[2].endsWith("WARN  com.example.Other - another library's warning")
    }

    def "LOG_FORMAT=json: one JSON object per line with the formatted message"() {
        when:
        def text = logged("json") { LoggerContext c -> c.getLogger("org.levelfield.Application").info("Ready in {} ms", 1900) }
        def event = new JsonSlurper().parseText(text.readLines().find { it.contains("Ready in") })

        then:
        event.level == "INFO"
        event.loggerName == "org.levelfield.Application"
        event.formattedMessage == "Ready in 1900 ms"
        !event.containsKey("message")
    }

    def "a logback file given to the JVM, or the specs' logback-test.xml, is used instead"() {
        expect: "the specs' class path holds logback-test.xml, so the code setup steps aside for it; the jar holds no logback.xml"
        new LogSetup().configure(new LoggerContext()) == Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY

        and: "the service registers it with logback"
        LogSetup.class.classLoader.getResource("META-INF/services/ch.qos.logback.classic.spi.Configurator").text.trim() == LogSetup.name
        LogSetup.LEVELS["org.levelfield"] == Level.INFO
        LogSetup.class.classLoader.getResource("logback.xml") == null
    }
}
