package org.civicca.api.account;

/** {@code POST /api/v1/accounts}. */
public record AccountBody(String name, String role, String agency) {
}
