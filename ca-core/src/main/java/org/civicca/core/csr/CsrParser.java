package org.civicca.core.csr;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.key.PublicKeyPolicy;
import org.civicca.core.message.CoreMessage;
import org.civicca.core.pem.Pem;
import org.civicca.core.sign.SignatureProviders;
import org.civicca.core.subject.FieldText;

/**
 * Turns a PKCS#10 request (PEM or base64 DER) into a {@link ParsedCsr}: strict DER, an allowed signature
 * algorithm, a supported and strong key, and a valid self-signature (proof of possession). Nothing else
 * in the CSR is trusted: the subject and extensions of the certificate come from the structured request.
 */
public final class CsrParser {

    /** Far above any real CSR (an RSA-4096 request is under 2 KB); bounds the work done on hostile input. */
    public static final int MAX_CSR_CHARS = 32 * 1024;

    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption,
            PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512,
            EdECObjectIdentifiers.id_Ed25519);

    private static final Set<ASN1ObjectIdentifier> SHA2 = Set.of(NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384,
            NISTObjectIdentifiers.id_sha512);

    private static final Set<String> PEM_TYPES = Set.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");

    private final SignatureProviders providers;

    /** Checks proofs of possession with Bouncy Castle. */
    public CsrParser() {
        this(SignatureProviders.BOUNCY_CASTLE);
    }

    public CsrParser(SignatureProviders providers) {
        this.providers = providers;
    }

    public ParsedCsr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CaException(ErrorCode.INVALID_FIELD, "csr", CoreMessage.CSR_REQUIRED);
        }
        if (text.length() > MAX_CSR_CHARS) {
            throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.CSR_TOO_LONG, MAX_CSR_CHARS);
        }
        byte[] der = Pem.looksLikePem(text) ? derFromPem(text) : derFromBase64(text);
        PKCS10CertificationRequest request = decode(der);
        return check(request, der);
    }

    private ParsedCsr check(PKCS10CertificationRequest request, byte[] der) {
        ASN1ObjectIdentifier signatureAlgorithm = request.getSignatureAlgorithm().getAlgorithm();
        if (!SIGNATURE_ALGORITHMS.contains(signatureAlgorithm) || !pssUsesSha2(request.getSignatureAlgorithm())) {
            throw new CaException(ErrorCode.POLICY_VIOLATION, "csr", CoreMessage.CSR_SIGNATURE_ALGORITHM,
                    signatureAlgorithm.getId());
        }
        // The key is classified before any signature arithmetic: weak or exotic keys cost nothing to refuse.
        KeyAlgorithm keyAlgorithm = PublicKeyPolicy.classify(request.getSubjectPublicKeyInfo());
        if (!proofOfPossession(request, keyAlgorithm)) {
            throw new CaException(ErrorCode.CSR_SIGNATURE_INVALID, "csr", CoreMessage.CSR_PROOF_OF_POSSESSION);
        }
        return new ParsedCsr(request, keyAlgorithm, der);
    }

    /** RSASSA-PSS names its hashes in its parameters: both the message hash and MGF1's must be SHA-2. */
    private static boolean pssUsesSha2(AlgorithmIdentifier algorithm) {
        if (!algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            return true;
        }
        try {
            RSASSAPSSparams params = RSASSAPSSparams.getInstance(algorithm.getParameters());
            AlgorithmIdentifier mgfHash = AlgorithmIdentifier.getInstance(params.getMaskGenAlgorithm().getParameters());
            return SHA2.contains(params.getHashAlgorithm().getAlgorithm()) && SHA2.contains(mgfHash.getAlgorithm());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean proofOfPossession(PKCS10CertificationRequest request, KeyAlgorithm keyAlgorithm) {
        try {
            ContentVerifierProvider verifier = providers.csrVerifier(request.getSubjectPublicKeyInfo(), keyAlgorithm);
            return request.isSignatureValid(verifier);
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] derFromPem(String text) {
        PemObject block;
        try {
            block = Pem.readFirst(text);
        } catch (IOException | RuntimeException e) {
            throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.CSR_PEM_UNDECODABLE);
        }
        if (block == null) {
            throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.CSR_PEM_INCOMPLETE);
        }
        if (!PEM_TYPES.contains(block.getType())) {
            throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.CSR_PEM_TYPE,
                    FieldText.printable(block.getType(), 40));
        }
        return block.getContent();
    }

    private static byte[] derFromBase64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.CSR_ENCODING);
        }
    }

    private static PKCS10CertificationRequest decode(byte[] der) {
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.CSR_NOT_PKCS10);
        }
        try {
            if (!Arrays.equals(request.getEncoded(), der)) {
                throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.CSR_NOT_DER);
            }
        } catch (IOException e) {
            throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.CSR_NOT_REENCODABLE);
        }
        return request;
    }
}
