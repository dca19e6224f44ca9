package org.levelfield.rules.model;

import java.util.Arrays;
import java.util.Optional;

/** The stages of a commissioning round, one folder of rules each under {@code rules/}. */
public enum Stage {
    REGIME("regime"),
    ROUND_DESIGN("round-design"),
    ELIGIBILITY("eligibility"),
    SCORING("scoring"),
    AWARD("award"),
    MONITORING("monitoring");

    private final String folder;

    Stage(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }

    public static Optional<Stage> ofFolder(String folder) {
        return Arrays.stream(values()).filter(s -> s.folder.equals(folder)).findFirst();
    }
}
