package org.civicca.api.account;

/** An account as the API shows it. */
public record AccountView(String id, String name, Role role, String agency, boolean enabled) {
}
