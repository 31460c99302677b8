package org.civicca.api.agency;

import java.util.Optional;
import org.civicca.core.agency.Agency;
import org.civicca.core.store.AgencyDirectory;
import org.springframework.stereotype.Component;

@Component
class JdbcAgencyDirectory implements AgencyDirectory {

    private final AgencyRepository agencies;

    JdbcAgencyDirectory(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    /** No agency's code is longer than 64 characters or holds a control character, so such a code is not looked up. */
    @Override
    public Optional<Agency> find(String code) {
        if (code.length() > 64 || code.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return agencies.findById(code).map(AgencyService::toAgency);
    }
}
