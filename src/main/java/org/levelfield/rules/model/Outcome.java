package org.levelfield.rules.model;

/**
 * The result of a step the rules can refuse: done, with what it produced, or refused, with the verdict
 * that says why. The application layer returns it; only the web layer turns a refusal into a response.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
    }

    record Refused<T>(Verdict verdict) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Verdict verdict) {
        return new Refused<>(verdict);
    }

    /** The value if done; otherwise the exception the caller chooses for a refusal (tools and seeders that cannot answer a person). */
    default T orElseThrow(java.util.function.Function<Verdict, ? extends RuntimeException> refusal) {
        return switch (this) {
            case Done<T> done -> done.value();
            case Refused<T> refused -> throw refusal.apply(refused.verdict());
        };
    }
}
