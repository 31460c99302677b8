package org.civicca.api.account;

import java.util.Optional;

/** The authenticated caller of an API request: its account, role, agency (clerks only) and the token it used. */
public record Actor(String accountId, String name, Role role, Optional<String> agency, String tokenId) {

    /** The request attribute that carries the authenticated actor. */
    public static final String REQUEST_ATTRIBUTE = Actor.class.getName();

    /** The name changes made by the service itself are recorded under. */
    public static final String SYSTEM = "system";

    public boolean is(Role... roles) {
        for (Role candidate : roles) {
            if (role == candidate) {
                return true;
            }
        }
        return false;
    }

    /** The agency a clerk is bound to; empty for every other role, who see all agencies. */
    public Optional<String> scope() {
        return role == Role.CLERK ? agency : Optional.empty();
    }
}
