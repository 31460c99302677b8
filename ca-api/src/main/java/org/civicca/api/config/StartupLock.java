package org.civicca.api.config;

import java.util.function.Supplier;
import org.civicca.core.sign.Pkcs12KeyStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serializes the work of a first start (creating the CAs, the audit key, the first admin account) across every node
 * on the database: one row lock, held until that work's transaction ends. Work that may create a key first reads the
 * keystore again under it ({@link Pkcs12KeyStore#reload}), so a node that waited finds the keys the node before it
 * created instead of making its own, and never writes over them.
 */
@Component
public class StartupLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    StartupLock(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public <T> T holding(Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.sql("SELECT name FROM node_lock WHERE name = 'first-start' FOR UPDATE").query(String.class).single();
            return work.get();
        });
    }
}
