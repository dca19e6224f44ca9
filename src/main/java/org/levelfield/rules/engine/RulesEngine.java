package org.levelfield.rules.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import org.levelfield.rules.model.Finding;
import org.levelfield.rules.model.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the rules folder once, at startup. A file that does not compile, or breaks the rule
 * conventions, stops the service with the file and line. The knowledge bases are put together from the compiled rules
 * on a thread of their own, starting a second after the server is up (it takes about a second), so that the server's
 * first answers (an orchestrator's readiness checks) do not wait for the CPU; a run of the rules that comes first puts
 * them together itself, and waits for them.
 */
@Context
public class RulesEngine implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RulesEngine.class);

    private static final Duration PREPARE_AFTER = Duration.ofSeconds(1);

    private final Path directory;
    private final Ruleset current;

    public RulesEngine(@Value("${levelfield.rules.directory:rules}") String directory) {
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        this.current = RulesetLoader.loadAtStartup(this.directory);
        LOG.info("Loaded {} rule files ({} rules) from {}; ruleset version {} ({})", current.files().size(),
                current.files().stream().mapToInt(f -> f.ruleNames().size()).sum(), this.directory, current.version(),
                current.origin() == Ruleset.Origin.KEPT ? "read from the compiled-rules cache" : "compiled");
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent started) {
        current.prepareInBackground(PREPARE_AFTER);
    }

    public Ruleset current() {
        return current;
    }

    public Path directory() {
        return directory;
    }

    public List<Finding> evaluate(Stage stage, Collection<?> facts) {
        return current.evaluate(stage, facts);
    }
}
