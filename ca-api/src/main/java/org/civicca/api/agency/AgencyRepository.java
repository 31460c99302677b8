package org.civicca.api.agency;

import org.springframework.data.repository.ListCrudRepository;

interface AgencyRepository extends ListCrudRepository<AgencyRow, String> {
}
