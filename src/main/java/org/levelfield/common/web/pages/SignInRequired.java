package org.levelfield.common.web.pages;

/** A page that needs a signed-in person was asked for without one: the person is sent to sign in, and back. */
public class SignInRequired extends RuntimeException {

    private final String next;
    private final boolean formLost;

    public SignInRequired(String next, boolean formLost) {
        super("sign in required");
        this.next = next;
        this.formLost = formLost;
    }

    public String next() {
        return next;
    }

    public boolean formLost() {
        return formLost;
    }
}
