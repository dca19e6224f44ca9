package org.levelfield.rules.model;

/** How hard a rule is (catalogue §0.1). The service never presents a policy choice as law. */
public enum LegalForce {
    L1("Statute or statutory instrument: binding"),
    L2("Binding case-law principle"),
    L3("Statutory guidance or code: have regard, depart only with reasons"),
    L4("Government policy or non-statutory guidance"),
    L5("Good practice or local policy: configurable");

    private final String meaning;

    LegalForce(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
