package org.civicca.core.sign;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.civicca.core.key.KeyAlgorithm;

/**
 * A CA's private key, seen only through Bouncy Castle's {@link ContentSigner}: a software key today, a PKCS#11
 * token later, without touching the callers. A content signer holds per-signature state, so each signature
 * asks for a fresh one.
 */
public interface CaSigner {

    ContentSigner contentSigner();

    SubjectPublicKeyInfo publicKey();

    /**
     * Verifies signatures of this key, for the self-checks. Built once: Bouncy Castle caches its EC precomputation on
     * the key's point, which makes each verification several times cheaper than with a key decoded afresh.
     */
    ContentVerifierProvider verifier();

    KeyAlgorithm keyAlgorithm();
}
