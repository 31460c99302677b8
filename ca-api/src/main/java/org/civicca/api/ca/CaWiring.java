package org.civicca.api.ca;

import java.security.SecureRandom;
import java.time.Clock;
import org.civicca.api.audit.AuditLog;
import org.civicca.core.ca.Authorities;
import org.civicca.core.sign.SignatureProviders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CaWiring {

    @Bean
    CaBootstrap.CaSupport caSupport(TransactionTemplate transactions, JdbcAggregateTemplate rows, AuditLog audit, SecureRandom random,
                                    Clock clock, SignatureProviders providers) {
        return new CaBootstrap.CaSupport(transactions, rows, audit, random, clock, providers);
    }

    @Bean
    Authorities authorities(CaBootstrap bootstrap) {
        return bootstrap.loadOrCreate();
    }
}
