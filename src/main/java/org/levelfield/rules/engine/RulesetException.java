package org.levelfield.rules.engine;

/** The rules folder cannot be loaded: a file does not compile or breaks the rule conventions. */
public class RulesetException extends RuntimeException {
    public RulesetException(String message) {
        super(message);
    }
}
