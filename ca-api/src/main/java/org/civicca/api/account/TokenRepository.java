package org.civicca.api.account;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface TokenRepository extends ListCrudRepository<ApiTokenRow, String> {

    Optional<ApiTokenRow> findByTokenHash(String tokenHash);
}
