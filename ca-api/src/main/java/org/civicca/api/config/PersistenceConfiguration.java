package org.civicca.api.config;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.util.ParsingUtils;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DurableTransactionManager(dataSource);
    }

    /**
     * Row classes are named for their table plus "Row" ({@code CertificateRow} → {@code certificate}). Names derived
     * here are cased by the database dialect, so one schema with unquoted names serves H2 and PostgreSQL alike.
     */
    @Bean
    NamingStrategy rowNamingStrategy() {
        return new NamingStrategy() {
            @Override
            public String getTableName(Class<?> type) {
                String name = type.getSimpleName().replaceFirst("Row$", "");
                return ParsingUtils.reconcatenateCamelCase(name, "_");
            }

            @Override
            public String getReverseColumnName(RelationalPersistentEntity<?> owner) {
                return getTableName(owner.getType());
            }
        };
    }
}
