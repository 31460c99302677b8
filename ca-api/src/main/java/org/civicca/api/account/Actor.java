package org.civicca.api.account;

/** The authenticated caller of an API request: the account its token belongs to. */
public record Actor(String name) {

    public static final String SYSTEM = "system";
}
