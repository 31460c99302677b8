package org.civicca.api.account;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.civicca.api.web.ApiMessage;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.store.AgencyDirectory;
import org.civicca.core.subject.FieldRule;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their tokens: created, listed, disabled and revoked by admins, every change audited. */
@Service
public class AccountService {

    static final int MAX_TOKEN_DAYS = 3650;

    private final AccountRepository accounts;
    private final TokenRepository tokens;
    private final JdbcAggregateTemplate rows;
    private final AgencyDirectory agencies;
    private final AccountSupport support;

    AccountService(AccountRepository accounts, TokenRepository tokens, JdbcAggregateTemplate rows, AgencyDirectory agencies,
                   AccountSupport support) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.rows = rows;
        this.agencies = agencies;
        this.support = support;
    }

    @Transactional
    public AccountView create(AccountBody body, Actor actor) {
        String name = FieldRule.ACCOUNT_NAME.check("name", body.name());
        Role role = role(body.role());
        String agency = agency(role, body.agency());
        if (accounts.findByName(name).isPresent()) {
            throw new CaException(ErrorCode.ACCOUNT_EXISTS, "name", ApiMessage.ACCOUNT_NAME_EXISTS, name);
        }
        AccountRow row = new AccountRow(UUID.randomUUID().toString(), name, role.name(), agency, true, support.clock().instant());
        rows.insert(row);
        support.audit().record(actor.name(), "account.created", row.id(), "name=" + name + "; role=" + role + "; agency=" + agency);
        return view(row);
    }

    @Transactional(readOnly = true)
    public List<AccountView> list() {
        return accounts.findAll().stream().sorted(Comparator.comparing(AccountRow::name)).map(AccountService::view).toList();
    }

    @Transactional
    public AccountView disable(String id, Actor actor) {
        AccountRow row = find(id);
        if (row.id().equals(actor.accountId())) {
            throw new CaException(ErrorCode.POLICY_VIOLATION, "id", ApiMessage.ACCOUNT_DISABLE_SELF);
        }
        AccountRow disabled = new AccountRow(row.id(), row.name(), row.role(), row.agency(), false, row.createdAt());
        accounts.save(disabled);
        support.audit().record(actor.name(), "account.disabled", row.id(), "name=" + row.name());
        return view(disabled);
    }

    @Transactional
    public NewToken createToken(String accountId, TokenBody body, Actor actor) {
        AccountRow account = find(accountId);
        if (!account.enabled()) {
            throw new CaException(ErrorCode.POLICY_VIOLATION, "id", ApiMessage.ACCOUNT_DISABLED, account.name());
        }
        int days = body == null || body.expiresInDays() == null ? 90 : body.expiresInDays();
        if (days < 1 || days > MAX_TOKEN_DAYS) {
            throw new CaException(ErrorCode.INVALID_FIELD, "expiresInDays", ApiMessage.TOKEN_DAYS_RANGE, MAX_TOKEN_DAYS);
        }
        Instant now = support.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        String secret = Tokens.newSecret(support.random());
        ApiTokenRow row = new ApiTokenRow(UUID.randomUUID().toString(), account.id(), Tokens.hash(secret), now, now.plus(Duration.ofDays(days)),
                null);
        rows.insert(row);
        support.audit().record(actor.name(), "token.created", row.id(), "account=" + account.name() + "; expiresAt=" + row.expiresAt());
        return new NewToken(row.id(), secret, row.expiresAt());
    }

    @Transactional(readOnly = true)
    public List<TokenView> tokens(String accountId) {
        find(accountId);
        return tokens.findByAccountIdOrderByCreatedAt(accountId).stream()
                .map(t -> new TokenView(t.id(), t.createdAt(), t.expiresAt(), t.revokedAt())).toList();
    }

    @Transactional
    public void revokeToken(String tokenId, Actor actor) {
        ApiTokenRow row = tokens.findById(tokenId)
                .orElseThrow(() -> new CaException(ErrorCode.UNKNOWN_TOKEN, "id", ApiMessage.NO_TOKEN_WITH_ID));
        if (row.revokedAt() == null) {
            tokens.save(new ApiTokenRow(row.id(), row.accountId(), row.tokenHash(), row.createdAt(), row.expiresAt(),
                    support.clock().instant()));
            support.audit().record(actor.name(), "token.revoked", row.id(), "account=" + find(row.accountId()).name());
        }
    }

    private AccountRow find(String id) {
        return (id == null ? Optional.<AccountRow>empty() : accounts.findById(id))
                .orElseThrow(() -> new CaException(ErrorCode.UNKNOWN_ACCOUNT, "id", ApiMessage.NO_ACCOUNT_WITH_ID));
    }

    private static Role role(String text) {
        try {
            return Role.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CaException(ErrorCode.INVALID_FIELD, "role", ApiMessage.ROLE_ONE_OF);
        }
    }

    private String agency(Role role, String agency) {
        boolean given = agency != null && !agency.isBlank();
        if (role == Role.CLERK && !given) {
            throw new CaException(ErrorCode.INVALID_FIELD, "agency", ApiMessage.CLERK_NEEDS_AGENCY);
        }
        if (role != Role.CLERK && given) {
            throw new CaException(ErrorCode.INVALID_FIELD, "agency", ApiMessage.ONLY_CLERKS_HAVE_AGENCY);
        }
        if (given && agencies.find(agency.strip()).isEmpty()) {
            throw new CaException(ErrorCode.UNKNOWN_AGENCY, "agency", CoreMessage.UNKNOWN_AGENCY_CODE);
        }
        return given ? agency.strip() : null;
    }

    private static AccountView view(AccountRow row) {
        return new AccountView(row.id(), row.name(), Role.valueOf(row.role()), row.agency(), row.enabled());
    }
}
