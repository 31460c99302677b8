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

    @Override
    public Optional<Agency> find(String code) {
        return agencies.findById(code).map(AgencyService::toAgency);
    }
}
