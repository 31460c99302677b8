package org.civicca.api.ca;

import org.springframework.data.repository.ListCrudRepository;

interface CaRepository extends ListCrudRepository<CaAuthorityRow, String> {
}
