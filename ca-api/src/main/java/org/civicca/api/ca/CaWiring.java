package org.civicca.api.ca;

import java.security.SecureRandom;
import java.time.Clock;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.config.StartupLock;
import org.civicca.core.ca.Authorities;
import org.civicca.core.sign.SignatureProviders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

@Configuration(proxyBeanMethods = false)
class CaWiring {

    @Bean
    CaBootstrap.CaSupport caSupport(StartupLock startupLock, JdbcAggregateTemplate rows, AuditLog audit, SecureRandom random,
                                    Clock clock, SignatureProviders providers) {
        return new CaBootstrap.CaSupport(startupLock, rows, audit, random, clock, providers);
    }

    @Bean
    Authorities authorities(CaBootstrap bootstrap) {
        return bootstrap.loadOrCreate();
    }
}
