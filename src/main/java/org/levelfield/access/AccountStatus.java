package org.levelfield.access;

/** Whether an account can be used. */
public enum AccountStatus {
    /** Can sign in. */
    ACTIVE,
    /** Registered, but the email address is not confirmed yet: cannot sign in until it is. */
    UNCONFIRMED,
    /** Switched off by an admin: cannot sign in, and its sessions have ended. */
    DISABLED
}
