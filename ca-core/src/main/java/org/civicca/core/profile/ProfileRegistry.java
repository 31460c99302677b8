package org.civicca.core.profile;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/** The configured profiles by name. */
public final class ProfileRegistry {

    private final Map<String, CertificateProfile> profiles;

    public ProfileRegistry(Collection<CertificateProfile> profiles) {
        this.profiles = profiles.stream().collect(Collectors.toMap(CertificateProfile::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalArgumentException("profile " + a.name() + " is declared twice");
                }, TreeMap::new));
    }

    public CertificateProfile get(String name) {
        CertificateProfile profile = name == null ? null : profiles.get(name);
        if (profile == null) {
            throw new CaException(ErrorCode.UNKNOWN_PROFILE, "profile", CoreMessage.PROFILE_ONE_OF,
                    String.join(", ", profiles.keySet()));
        }
        return profile;
    }

    public Collection<CertificateProfile> all() {
        return profiles.values();
    }
}
