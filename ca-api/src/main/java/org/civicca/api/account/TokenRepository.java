package org.civicca.api.account;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface TokenRepository extends ListCrudRepository<ApiTokenRow, String> {

    List<ApiTokenRow> findByAccountIdOrderByCreatedAt(String accountId);
}
