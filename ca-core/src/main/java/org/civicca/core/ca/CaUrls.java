package org.civicca.core.ca;

import java.net.URI;

/** The public URLs written into certificates: where each CA's CRL and certificate are served without credentials. */
public record CaUrls(String publicBaseUrl) {

    public CaUrls {
        URI uri = URI.create(publicBaseUrl);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("public base URL must be http or https: " + publicBaseUrl);
        }
        publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    public String crl(String caName) {
        return publicBaseUrl + "/crl/" + caName + ".crl";
    }

    public String certificate(String caName) {
        return publicBaseUrl + "/ca/" + caName + ".crt";
    }
}
