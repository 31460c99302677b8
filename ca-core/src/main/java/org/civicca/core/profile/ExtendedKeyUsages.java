package org.civicca.core.profile;

import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.message.CoreMessage;

/** Extended key usage purposes by their RFC names, or any purpose by dotted OID. */
public final class ExtendedKeyUsages {

    /** id-kp-documentSigning, RFC 9336. */
    public static final ASN1ObjectIdentifier DOCUMENT_SIGNING = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36");

    private static final Map<String, ASN1ObjectIdentifier> BY_NAME = Map.of(
            "serverAuth", KeyPurposeId.id_kp_serverAuth.toOID(),
            "clientAuth", KeyPurposeId.id_kp_clientAuth.toOID(),
            "codeSigning", KeyPurposeId.id_kp_codeSigning.toOID(),
            "emailProtection", KeyPurposeId.id_kp_emailProtection.toOID(),
            "timeStamping", KeyPurposeId.id_kp_timeStamping.toOID(),
            "OCSPSigning", KeyPurposeId.id_kp_OCSPSigning.toOID(),
            "documentSigning", DOCUMENT_SIGNING);

    private ExtendedKeyUsages() {
    }

    public static ASN1ObjectIdentifier parse(String nameOrOid) {
        ASN1ObjectIdentifier named = BY_NAME.get(nameOrOid.trim());
        if (named != null) {
            return named;
        }
        try {
            return new ASN1ObjectIdentifier(nameOrOid.trim());
        } catch (IllegalArgumentException e) {
            throw new CaException(ErrorCode.CA_CONFIGURATION, null, CoreMessage.UNKNOWN_EXTENDED_KEY_USAGE, nameOrOid);
        }
    }
}
