package org.civicca.core.subject;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Renders names as RFC 4514 strings: most specific attribute first, values escaped, Vietnamese letters kept. */
public final class DistinguishedNames {

    private DistinguishedNames() {
    }

    public static String rfc4514(X500Name name) {
        RDN[] rdns = name.getRDNs();
        RDN[] reversed = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            reversed[i] = rdns[rdns.length - 1 - i];
        }
        return BCStyle.INSTANCE.toString(new X500Name(BCStyle.INSTANCE, reversed));
    }
}
