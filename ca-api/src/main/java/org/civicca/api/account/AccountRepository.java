package org.civicca.api.account;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<AccountRow, String> {

    Optional<AccountRow> findByName(String name);
}
