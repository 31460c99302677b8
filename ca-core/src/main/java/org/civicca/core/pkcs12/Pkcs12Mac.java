package org.civicca.core.pkcs12;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.jcajce.io.MacOutputStream;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.MacCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;

/**
 * The PKCS#12 integrity MAC (HMAC-SHA256 keyed by the PKCS#12 key derivation, RFC 7292 appendix B) computed by the
 * JDK's {@code HmacPBESHA256}, whose SHA-256 runs on CPU intrinsics; Bouncy Castle's pure-Java derivation was the
 * largest single cost of writing a province's files once the encryption had moved to the JDK.
 */
final class Pkcs12Mac implements PKCS12MacCalculatorBuilder {

    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);

    private final int iterations;
    private final SecureRandom random;

    Pkcs12Mac(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
    }

    @Override
    public AlgorithmIdentifier getDigestAlgorithmIdentifier() {
        return SHA256;
    }

    @Override
    public MacCalculator build(char[] password) throws OperatorCreationException {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, new PKCS12PBEParams(salt, iterations));
        try {
            Mac mac = Mac.getInstance("HmacPBESHA256");
            mac.init(SecretKeyFactory.getInstance("PBE").generateSecret(new PBEKeySpec(password)), new PBEParameterSpec(salt, iterations));
            return new MacCalculator() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return algorithm;
                }

                @Override
                public OutputStream getOutputStream() {
                    return new MacOutputStream(mac);
                }

                @Override
                public byte[] getMac() {
                    return mac.doFinal();
                }

                @Override
                public GenericKey getKey() {
                    return new GenericKey(algorithm, PBEParametersGenerator.PKCS12PasswordToBytes(password));
                }
            };
        } catch (GeneralSecurityException e) {
            throw new OperatorCreationException("the JDK lacks HmacPBESHA256", e);
        }
    }
}
