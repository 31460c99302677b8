package org.civicca.api.config;

import java.util.function.Supplier;
import org.civicca.core.sign.Pkcs12KeyStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serializes the work of a first start (creating the CAs, the audit key, the first admin account) across every node
 * on the database: one row lock, held until that work's transaction ends. Under it the keystore is read again, so a
 * node that waited finds the keys the node before it created instead of making its own, and never writes over them.
 */
@Component
public class StartupLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Pkcs12KeyStore keyStore;

    StartupLock(JdbcClient jdbc, TransactionTemplate transactions, Pkcs12KeyStore keyStore) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keyStore = keyStore;
    }

    public <T> T holding(Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.sql("SELECT name FROM node_lock WHERE name = 'first-start' FOR UPDATE").query(String.class).single();
            keyStore.reload();
            return work.get();
        });
    }
}
