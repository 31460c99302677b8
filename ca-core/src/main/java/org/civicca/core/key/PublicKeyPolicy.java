package org.civicca.core.key;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/**
 * Decides which supported key type a public key is, refusing weak or unsupported keys: RSA under 2048 bits
 * or of another size than 2048/3072/4096, RSA exponents that are even or under 65537, curves other than
 * P-256/P-384, explicit curve parameters, and unknown algorithms.
 */
public final class PublicKeyPolicy {

    private static final BigInteger MIN_RSA_EXPONENT = BigInteger.valueOf(65537);

    private PublicKeyPolicy() {
    }

    public static KeyAlgorithm classify(SubjectPublicKeyInfo key) {
        try {
            return classifyChecked(key);
        } catch (IllegalStateException | IllegalArgumentException | ClassCastException e) {
            // BC throws these for malformed key encodings (e.g. a BIT STRING with pad bits): the client's fault.
            throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.PUBLIC_KEY_ENCODING);
        }
    }

    private static KeyAlgorithm classifyChecked(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier oid = key.getAlgorithm().getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return rsa(key);
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return ec(key);
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            if (key.getPublicKeyData().getOctets().length != 32) {
                throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.ED25519_KEY_LENGTH);
            }
            return KeyAlgorithm.ED25519;
        }
        throw new CaException(ErrorCode.UNSUPPORTED_KEY, "csr", CoreMessage.KEY_ALGORITHM_UNSUPPORTED, oid.getId(),
                KeyAlgorithm.labels());
    }

    private static KeyAlgorithm rsa(SubjectPublicKeyInfo key) {
        RSAPublicKey rsa;
        try {
            rsa = RSAPublicKey.getInstance(key.parsePublicKey());
        } catch (IOException | IllegalArgumentException e) {
            throw new CaException(ErrorCode.BAD_CSR, "csr", CoreMessage.RSA_KEY_UNDECODABLE);
        }
        BigInteger exponent = rsa.getPublicExponent();
        if (!exponent.testBit(0) || exponent.compareTo(MIN_RSA_EXPONENT) < 0) {
            throw new CaException(ErrorCode.WEAK_KEY, "csr", CoreMessage.RSA_EXPONENT);
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < 2048) {
            throw new CaException(ErrorCode.WEAK_KEY, "csr", CoreMessage.RSA_KEY_TOO_WEAK, bits);
        }
        return switch (bits) {
            case 2048 -> KeyAlgorithm.RSA_2048;
            case 3072 -> KeyAlgorithm.RSA_3072;
            case 4096 -> KeyAlgorithm.RSA_4096;
            default -> throw new CaException(ErrorCode.UNSUPPORTED_KEY, "csr", CoreMessage.RSA_KEY_SIZE_UNSUPPORTED, bits);
        };
    }

    private static KeyAlgorithm ec(SubjectPublicKeyInfo key) {
        X962Parameters params = key.getAlgorithm().getParameters() == null ? null
                : X962Parameters.getInstance(key.getAlgorithm().getParameters());
        if (params == null || !params.isNamedCurve()) {
            throw new CaException(ErrorCode.UNSUPPORTED_KEY, "csr", CoreMessage.EC_EXPLICIT_PARAMETERS);
        }
        ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(params.getParameters());
        if (curve.equals(SECObjectIdentifiers.secp256r1)) {
            return KeyAlgorithm.EC_P256;
        }
        if (curve.equals(SECObjectIdentifiers.secp384r1)) {
            return KeyAlgorithm.EC_P384;
        }
        throw new CaException(ErrorCode.UNSUPPORTED_KEY, "csr", CoreMessage.EC_CURVE_NOT_ALLOWED, curve.getId());
    }
}
