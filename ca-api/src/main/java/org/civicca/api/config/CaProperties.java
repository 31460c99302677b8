package org.civicca.api.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Everything under {@code ca.} in the configuration, as read; {@link CaConfiguration} turns it into core records. */
@ConfigurationProperties("ca")
public record CaProperties(
        String home,
        String publicBaseUrl,
        String keystorePasswordFile,
        String country,
        String province,
        Api api,
        Crl crl,
        Publication publication,
        Holds holds,
        Crypto crypto,
        Health health,
        List<Authority> authorities,
        Map<String, Profile> profiles) {

    public CaProperties {
        require(publicBaseUrl, "ca.public-base-url");
        require(api, "ca.api");
        require(crl, "ca.crl");
        require(holds, "ca.holds");
        crypto = crypto == null ? new Crypto(Crypto.Provider.AUTO) : crypto;
        health = health == null ? new Health(null) : health;
        publication = publication == null ? new Publication(null, null, null, null, null) : publication;
    }

    private static void require(Object value, String key) {
        if (value == null) {
            throw new IllegalStateException(key + " is not configured: start from the repository root, where config/application.yml "
                    + "holds the defaults, or name its folder with --spring.config.additional-location");
        }
    }

    /** Request limits: body size, failed authentications per source address and minute, requests per token and second. */
    public record Api(DataSize maxBodyBytes, int authFailuresPerMinute, int requestsPerSecond) {
    }

    /** A certificate on hold for longer than maxAge is overdue: listed by the holds report and flagged by status. */
    public record Holds(Duration maxAge) {
    }

    /** Who signs on the issuance path: see {@code CryptoConfiguration}. */
    public record Crypto(Provider provider) {

        public Crypto {
            provider = provider == null ? Provider.AUTO : provider;
        }

        public enum Provider { AUTO, BOUNCYCASTLE }
    }

    /** What the health endpoint reports: a CA certificate expiring within caExpiryWarning is a warning (default 90 days). */
    public record Health(Duration caExpiryWarning) {

        public Health {
            caExpiryWarning = caExpiryWarning == null ? Duration.ofDays(90) : caExpiryWarning;
        }
    }

    /**
     * The publication listener: CRLs and CA certificates, without credentials, on a port of their own. No port, no
     * listener (the service's own port serves the same files); 0 takes any free port. Threads default to the cores;
     * connections beyond maxConnections (Tomcat's default, 8,192) are closed as they arrive.
     */
    public record Publication(Integer port, String address, Integer threads, Duration idleTimeout, Integer maxConnections) {

        public Publication {
            threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
            maxConnections = maxConnections == null ? 8192 : maxConnections;
            if (port != null && (port < 0 || port > 65535)) {
                throw new IllegalStateException("ca.publication.port must be a port number from 0 to 65535, or left out");
            }
            if (threads < 1 || maxConnections < 1) {
                throw new IllegalStateException("ca.publication.threads and ca.publication.max-connections must be at least 1");
            }
        }
    }

    public record Crl(Duration publishDelay, double refreshAt, Duration checkInterval, Duration syncInterval, Duration maxAge) {
    }

    public record Authority(String name, String parent, String keyAlgorithm, int validityYears, Duration crlValidity,
                            Subject subject) {
    }

    public record Subject(String country, String province, String locality, String organization, String organizationalUnit,
                          String commonName) {
    }

    public record Profile(String issuer, List<String> keyAlgorithms, int defaultValidityDays, int maxValidityDays,
                          List<String> keyUsage, List<String> rsaKeyUsage, List<String> extendedKeyUsage, List<String> policies,
                          String commonNameRule, List<String> requiredFields, List<String> optionalFields,
                          boolean clerkRequestsNeedApproval) {
    }
}
