package org.civicca.api.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.civicca.api.account.Actor;
import org.civicca.api.audit.AuditLog;
import org.civicca.api.config.CaHierarchy;
import org.civicca.api.config.StartupLock;
import org.civicca.core.ca.Authorities;
import org.civicca.core.ca.CaCertificateFactory;
import org.civicca.core.ca.CaDefinition;
import org.civicca.core.ca.CertificateAuthority;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.key.PublicKeyPolicy;
import org.civicca.core.sign.Pkcs12KeyStore;
import org.civicca.core.sign.SignatureProviders;
import org.civicca.core.sign.SoftwareCaSigner;
import org.civicca.core.subject.DistinguishedNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the configured CAs from the keystore, creating the missing ones (root first). A CA is never regenerated:
 * one that is recorded in the database but whose key is gone stops the start, and one whose stored certificate no
 * longer matches its configuration is reported and kept as stored.
 */
@Component
class CaBootstrap {

    private static final Logger log = LoggerFactory.getLogger(CaBootstrap.class);

    private final CaHierarchy hierarchy;
    private final Pkcs12KeyStore keyStore;
    private final CaCertificateFactory factory;
    private final CaRepository cas;
    private final CaSupport support;

    CaBootstrap(CaHierarchy hierarchy, Pkcs12KeyStore keyStore, CaCertificateFactory factory, CaRepository cas, CaSupport support) {
        this.hierarchy = hierarchy;
        this.keyStore = keyStore;
        this.factory = factory;
        this.cas = cas;
        this.support = support;
    }

    /**
     * All CAs in one transaction under the start-up lock, the keystore read again when a CA is not in it yet: of several
     * nodes starting at once, one creates, the others load.
     */
    Authorities loadOrCreate() {
        return support.startupLock().holding(() -> {
            if (hierarchy.definitions().stream().anyMatch(definition -> keyStore.certificate(definition.name()).isEmpty())) {
                keyStore.reload();
            }
            Map<String, CertificateAuthority> loaded = new LinkedHashMap<>();
            for (CaDefinition definition : hierarchy.definitions()) {
                CertificateAuthority parent = definition.parent().map(loaded::get).orElse(null);
                loaded.put(definition.name(), loadOrCreate(definition, parent));
            }
            return new Authorities(loaded.values());
        });
    }

    private CertificateAuthority loadOrCreate(CaDefinition definition, CertificateAuthority parent) {
        Optional<PrivateKey> key = keyStore.privateKey(definition.name());
        if (key.isPresent()) {
            CertificateAuthority ca = load(definition, key.get());
            reportMismatch(definition, ca, parent);
            if (!cas.existsById(definition.name())) {
                record(ca);
            }
            return ca;
        }
        if (cas.existsById(definition.name())) {
            throw new IllegalStateException("CA " + definition.name() + " is recorded in the database but its key is missing from "
                    + "the keystore; restore the keystore instead of creating a new CA");
        }
        CertificateAuthority created = create(definition, parent);
        record(created);
        support.audit().record(Actor.SYSTEM, "ca.created", definition.name(), "subject=" + created.subject()
                + "; key=" + definition.keyAlgorithm().label() + "; notAfter=" + created.notAfter());
        log.info("Created CA {} ({}, {}), valid until {}", definition.name(), created.subject(), definition.keyAlgorithm().label(),
                created.notAfter());
        return created;
    }

    private CertificateAuthority create(CaDefinition definition, CertificateAuthority parent) {
        KeyPair keys = definition.keyAlgorithm().generate(support.random());
        SoftwareCaSigner signer = new SoftwareCaSigner(keys.getPrivate(), keys.getPublic(), definition.keyAlgorithm(), support.random(),
                support.providers());
        CertificateAuthority ca = parent == null
                ? factory.createRoot(definition, signer, support.clock().instant())
                : factory.createSubordinate(definition, signer, parent, support.clock().instant());
        keyStore.put(definition.name(), keys.getPrivate(), ca.chain().stream().map(CaBootstrap::toJca).toList());
        return ca;
    }

    private CertificateAuthority load(CaDefinition definition, PrivateKey key) {
        List<X509CertificateHolder> chain = new ArrayList<>();
        for (X509Certificate certificate : keyStore.chain(definition.name())) {
            chain.add(toHolder(certificate));
        }
        KeyAlgorithm stored = PublicKeyPolicy.classify(chain.get(0).getSubjectPublicKeyInfo());
        SoftwareCaSigner signer = new SoftwareCaSigner(key, toJca(chain.get(0)).getPublicKey(), stored, support.random(), support.providers());
        return new CertificateAuthority(definition, signer, chain);
    }

    private void reportMismatch(CaDefinition definition, CertificateAuthority ca, CertificateAuthority parent) {
        List<String> differences = new ArrayList<>();
        if (!ca.subject().equals(definition.subject())) {
            differences.add("subject is " + ca.subject() + ", configured " + definition.subject());
        }
        if (ca.signer().keyAlgorithm() != definition.keyAlgorithm()) {
            differences.add("key is " + ca.signer().keyAlgorithm().label() + ", configured " + definition.keyAlgorithm().label());
        }
        if (parent != null && !ca.certificate().getIssuer().equals(parent.subject())) {
            differences.add("issuer is " + ca.certificate().getIssuer() + ", configured parent " + parent.name());
        }
        if (!differences.isEmpty()) {
            log.error("CA {} in the keystore no longer matches its configuration ({}); the stored CA is kept and used. "
                    + "Change the configuration back, or configure a new CA under a new name.", definition.name(), String.join("; ", differences));
        }
    }

    private void record(CertificateAuthority ca) {
        try {
            support.rows().insert(new CaAuthorityRow(ca.name(), ca.definition().parent().orElse(null), DistinguishedNames.rfc4514(ca.subject()),
                    ca.signer().keyAlgorithm().label(), ca.certificate().getEncoded(), ca.notAfter(), 0L,
                    support.clock().instant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate toJca(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalStateException("CA certificate cannot be converted", e);
        }
    }

    private static X509CertificateHolder toHolder(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("CA certificate in the keystore cannot be read", e);
        }
    }

    /** The bootstrap's plain collaborators, grouped to keep its constructor short. */
    record CaSupport(StartupLock startupLock, JdbcAggregateTemplate rows, AuditLog audit, SecureRandom random, Clock clock,
                     SignatureProviders providers) {
    }
}
