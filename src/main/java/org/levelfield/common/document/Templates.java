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
        return engine.process(name, context);
    }
}
