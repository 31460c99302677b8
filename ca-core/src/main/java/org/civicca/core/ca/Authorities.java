package org.civicca.core.ca;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/** The loaded CAs by name, in hierarchy order (parents before children). */
public final class Authorities {

    private final Map<String, CertificateAuthority> byName = new LinkedHashMap<>();

    public Authorities(Collection<CertificateAuthority> authorities) {
        authorities.forEach(ca -> byName.put(ca.name(), ca));
    }

    public CertificateAuthority get(String name) {
        CertificateAuthority ca = name == null ? null : byName.get(name);
        if (ca == null) {
            throw new CaException(ErrorCode.UNKNOWN_CA, "ca", CoreMessage.NO_CA_NAMED,
                    name == null ? "" : name.replaceAll("[^a-z0-9-]", "?"));
        }
        return ca;
    }

    public Collection<CertificateAuthority> all() {
        return byName.values();
    }
}
