package org.levelfield.common.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Document wording lives in {@code templates/} as text templates (Thymeleaf's TEXT mode:
 * {@code [(${round.title})]} prints a value, {@code [# th:each="lot : ${lots}"]…[/]} repeats).
 * Templates are read from disk on each use, so wording changes need no rebuild. The model is an
 * immutable report record, handed to the template as plain maps and lists.
 */
@Singleton
public class Templates {

    private final Path directory;
    private final ObjectMapper json;
    private final TemplateEngine engine = new TemplateEngine();

    public Templates(@Value("${levelfield.templates.directory:templates}") String directory, ObjectMapper json) {
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        this.json = json;
        if (!Files.isDirectory(this.directory)) {
            throw new IllegalStateException("Templates directory does not exist: " + this.directory);
        }
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(this.directory + "/");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(false);
        engine.setTemplateResolver(resolver);
    }

    /** Fills {@code templates/<name>} with the model and returns the text. */
    public String render(String name, Object model) {
        if (!Files.isRegularFile(directory.resolve(name))) {
            throw new IllegalStateException("Template not found: " + directory.resolve(name));
        }
        Map<String, Object> variables = json.convertValue(model, new TypeReference<>() { });
        Context context = new Context(java.util.Locale.UK);
        context.setVariables(variables);
        return inWords(engine.process(name, context));
    }

    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    /**
     * Dates and times as people write them, wherever they reach a document in ISO form (rule findings quote dates as
     * the rules read them): "2026-12-03" becomes "3 December 2026", an instant "6:18pm on 3 December 2026".
     */
    public static String inWords(String text) {
        String times = TIMESTAMP.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                org.levelfield.common.web.pages.Dates.dateTime(java.time.Instant.parse(m.group()))));
        return DATE.matcher(times).replaceAll(m -> {
            try {
                return java.util.regex.Matcher.quoteReplacement(org.levelfield.common.web.pages.Dates.date(
                        java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
            } catch (java.time.DateTimeException notADate) {
                return java.util.regex.Matcher.quoteReplacement(m.group());
            }
        });
    }
}
