package org.levelfield.common.web.pages;

import java.util.List;
import java.util.Map;

/**
 * A page that needs a signed-in person was asked for without one: the person is sent to sign in,
 * and back. A form sent when signed out comes with what was typed ({@code kept}, never a password
 * or the form token) and where it was sent ({@code postedTo}), so it can be sent again after sign-in.
 */
public class SignInRequired extends RuntimeException {

    private final String next;
    private final boolean formLost;
    private final String postedTo;
    private final List<Map.Entry<String, String>> kept;

    public SignInRequired(String next, boolean formLost) {
        this(next, formLost, null, List.of());
    }

    public SignInRequired(String next, boolean formLost, String postedTo, List<Map.Entry<String, String>> kept) {
        super("sign in required");
        this.next = next;
        this.formLost = formLost;
        this.postedTo = postedTo;
        this.kept = List.copyOf(kept);
    }

    public String next() {
        return next;
    }

    public boolean formLost() {
        return formLost;
    }

    /** The page path the signed-out form was sent to, or null. */
    public String postedTo() {
        return postedTo;
    }

    /** The form's fields as typed, in order (a field may repeat, as checkboxes do). */
    public List<Map.Entry<String, String>> kept() {
        return kept;
    }
}
