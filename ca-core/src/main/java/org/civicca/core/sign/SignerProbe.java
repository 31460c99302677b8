package org.civicca.core.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Whether a CA key can still sign: it signs a fixed probe and the signature must verify with the CA's public key
 * (the self-check's verifier). A software key answers in well under a millisecond; a token that was unplugged or
 * logged out fails here before any certificate or CRL does.
 */
public final class SignerProbe {

    private static final byte[] PROBE = "civicca key probe".getBytes(StandardCharsets.US_ASCII);

    private SignerProbe() {
    }

    /** @throws IllegalStateException when the key cannot sign, or signs what its public key does not verify */
    public static void check(CaSigner signer) {
        if (!signsAndVerifies(signer)) {
            throw new IllegalStateException("the probe signature does not verify with the CA's public key");
        }
    }

    private static boolean signsAndVerifies(CaSigner signer) {
        try {
            ContentSigner content = signer.contentSigner();
            write(content.getOutputStream());
            byte[] signature = content.getSignature();
            ContentVerifier verifier = signer.verifier().get(content.getAlgorithmIdentifier());
            write(verifier.getOutputStream());
            return verifier.verify(signature);
        } catch (OperatorCreationException | IOException | RuntimeException e) {
            throw new IllegalStateException("the CA key cannot sign the probe", e);
        }
    }

    private static void write(OutputStream out) throws IOException {
        out.write(PROBE);
        out.close();
    }
}
