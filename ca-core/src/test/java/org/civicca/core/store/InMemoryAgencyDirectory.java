package org.civicca.core.store;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicca.core.agency.Agency;

/** An {@link AgencyDirectory} over a fixed set of agencies. */
public final class InMemoryAgencyDirectory implements AgencyDirectory {

    private final Map<String, Agency> byCode;

    public InMemoryAgencyDirectory(Agency... agencies) {
        this.byCode = Stream.of(agencies).collect(Collectors.toMap(Agency::code, Function.identity()));
    }

    @Override
    public Optional<Agency> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
