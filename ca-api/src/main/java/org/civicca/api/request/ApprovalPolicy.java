package org.civicca.api.request;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicca.api.account.Actor;
import org.civicca.api.account.Role;
import org.civicca.api.config.CaProperties;
import org.springframework.stereotype.Component;

/** Which requests wait for an officer: a clerk's, for a profile that says so. Admins and officers issue directly. */
@Component
public class ApprovalPolicy {

    private final Set<String> profiles;

    ApprovalPolicy(CaProperties properties) {
        Map<String, CaProperties.Profile> declared = properties.profiles() == null ? Map.of() : properties.profiles();
        this.profiles = declared.entrySet().stream().filter(e -> e.getValue().clerkRequestsNeedApproval()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean needsApproval(Actor actor, String profile) {
        return actor.is(Role.CLERK) && profiles.contains(profile);
    }
}
