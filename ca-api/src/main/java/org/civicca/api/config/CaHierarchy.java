package org.civicca.api.config;

import java.util.List;
import org.civicca.core.ca.CaDefinition;

/** The configured CA definitions, parents before children. */
public record CaHierarchy(List<CaDefinition> definitions) {

    public CaHierarchy {
        definitions = List.copyOf(definitions);
    }

    void require(String name, String user) {
        if (definitions.stream().noneMatch(d -> d.name().equals(name))) {
            throw new IllegalStateException(user + " names issuer " + name + ", which is not a configured CA");
        }
    }
}
