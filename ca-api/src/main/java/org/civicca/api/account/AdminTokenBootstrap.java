package org.civicca.api.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.config.CaHome;
import org.civicca.api.config.StartupLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account at all), makes the admin account and its first token, stores its hash, and writes the secret
 * once to {@code <ca.home>/admin.token}, readable by its owner only. The log names the file, never the token.
 */
@Component
@Order(2)
class AdminTokenBootstrap implements ApplicationRunner {

    static final String ADMIN_ACCOUNT = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminTokenBootstrap.class);

    private final AccountRepository accounts;
    private final JdbcAggregateTemplate rows;
    private final CaHome home;
    private final SecureRandom random;
    private final AuditLog audit;
    private final Clock clock;
    private final StartupLock startupLock;

    AdminTokenBootstrap(AccountRepository accounts, JdbcAggregateTemplate rows, CaHome home, SecureRandom random, AuditLog audit,
                        Clock clock, StartupLock startupLock) {
        this.accounts = accounts;
        this.rows = rows;
        this.home = home;
        this.random = random;
        this.audit = audit;
        this.clock = clock;
        this.startupLock = startupLock;
    }

    /** Under the start-up lock: of several nodes starting on an empty database, one makes the admin account. */
    @Override
    public void run(ApplicationArguments args) {
        startupLock.holding(() -> {
            if (accounts.count() == 0) {
                createAdmin();
            }
            return null;
        });
    }

    private void createAdmin() {
        String accountId = UUID.randomUUID().toString();
        rows.insert(new AccountRow(accountId, ADMIN_ACCOUNT, Role.ADMIN.name(), null, true, clock.instant()));
        String secret = Tokens.newSecret(random);
        String id = UUID.randomUUID().toString();
        rows.insert(new ApiTokenRow(id, accountId, Tokens.hash(secret), clock.instant(), null, null));
        Path file = home.adminTokenFile();
        write(file, secret);
        audit.record(Actor.SYSTEM, "account.created", accountId, "name=" + ADMIN_ACCOUNT + "; role=ADMIN");
        audit.record(Actor.SYSTEM, "token.created", id, "first admin token for account " + ADMIN_ACCOUNT + "; never expires");
        log.warn("First start: the admin bearer credential is in {} (owner-only). Move it somewhere safe.", file.toAbsolutePath());
    }

    private static void write(Path file, String secret) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token file " + file, e);
        }
    }
}
