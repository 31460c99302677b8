package org.civicca.cli.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.CaClient;
import org.civicca.cli.client.Wire;
import org.civicca.core.audit.AuditEntry;
import org.civicca.core.audit.ChainVerification;
import org.civicca.core.audit.ChainVerifier;
import org.civicca.core.audit.ChainedEntry;
import org.civicca.core.audit.Checkpoint;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.pem.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Verifies the audit chain here, with ca-core's verifier, from the raw entries, the signed checkpoints and the audit
 * key's certificate: a server that lies about its own verification is still caught.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check every entry's hash and link and every signed checkpoint; name the first entry that was",
                "altered, deleted, inserted or reordered. Exit 0 when the chain is intact, 1 when it is not."},
        footer = {"", "Record the audit key's fingerprint once and pass it with --expect-key, so that a server presenting",
                "another key (and a chain re-signed with it) is refused.", "", "Example:",
                "  civicca audit verify --expect-key 3f7a…"})
public final class AuditVerifyCommand implements Callable<Integer> {

    @Option(names = "--expect-key", paramLabel = "SHA256",
            description = "the audit key's SHA-256 fingerprint (hex) recorded earlier; refuse any other key the server presents")
    String expectedKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CaClient client = CivicCaCommand.global(spec).client();
        PublicKey key = publicKey(client.auditKeyPem());
        String fingerprint = HexFormat.of().formatHex(sha256(key.getEncoded()));
        if (expectedKey != null && !expectedKey.replace(":", "").equalsIgnoreCase(fingerprint)) {
            throw new CliException(ExitCode.SOME_FAILED, CliMessage.AUDIT_KEY_MISMATCH, fingerprint, expectedKey);
        }
        List<Checkpoint> checkpoints = client.auditCheckpoints().stream()
                .map(c -> new Checkpoint(c.sequence(), c.hash(), c.signedAt(), Base64.getDecoder().decode(c.signature()))).toList();
        ChainVerification verdict = new ChainVerifier(key, KeyAlgorithm.EC_P256).verify(entries(client), checkpoints);
        Output output = new Output(spec);
        if (verdict.intact()) {
            output.line(CliMessage.AUDIT_INTACT, verdict.entries(), verdict.checkpoints(), fingerprint);
        } else {
            output.note(CliMessage.AUDIT_BROKEN, verdict.firstBadSequence().orElse(0L), verdict.problem(output.language()).orElse(""));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("intact", verdict.intact());
        document.put("entries", verdict.entries());
        document.put("checkpoints", verdict.checkpoints());
        document.put("auditKeySha256", fingerprint);
        verdict.firstBadSequence().ifPresent(s -> document.put("firstBadSequence", s));
        verdict.problem().ifPresent(p -> document.put("problem", p));
        output.document(document);
        return verdict.intact() ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    private static Iterator<ChainedEntry> entries(CaClient client) {
        return new Iterator<>() {
            private List<Wire.AuditEntry> page = client.auditChain(0);
            private int index;

            @Override
            public boolean hasNext() {
                if (index == page.size() && !page.isEmpty() && page.size() == CaClient.AUDIT_PAGE) {
                    page = client.auditChain(page.get(page.size() - 1).sequence());
                    index = 0;
                }
                return index < page.size();
            }

            @Override
            public ChainedEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Wire.AuditEntry e = page.get(index++);
                return new ChainedEntry(new AuditEntry(e.sequence(), e.occurredAt(), e.actor(), e.tokenId(), e.sourceAddress(), e.action(),
                        e.target(), e.outcome(), e.requestId(), e.detail()), e.previousHash(), e.hash());
            }
        };
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(String pem) {
        try {
            return new JcaX509CertificateConverter().getCertificate(Pem.parseCertificate(pem)).getPublicKey();
        } catch (CertificateException | IllegalArgumentException e) {
            throw new CliException(ExitCode.SERVER, CliMessage.AUDIT_KEY_UNREADABLE);
        }
    }
}
