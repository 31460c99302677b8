package org.civicca.core.interop;

import java.util.ArrayList;
import java.util.List;
import org.civicca.core.Processes;

/**
 * The OpenSSL and GnuTLS commands a relying party runs on what the CA emits, each on the files of one
 * {@link PkiFiles}; NSS has {@link NssDatabase}. Every method returns the tool's exit code and full output.
 */
final class RelyingPartyTools {

    /** GnuTLS's key purpose OID for TLS client authentication, which both profiles grant. */
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** TLS server authentication, which neither profile grants. */
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private RelyingPartyTools() {
    }

    /** Strict X.509 checks and the CRLs of the issuing CA and of the root, both required (-crl_check_all). */
    static Processes.Result openSslVerify(PkiFiles files, String leafPem) {
        return Processes.run(files.directory(), "openssl", "verify", "-x509_strict", "-crl_check_all",
                "-CAfile", files.path("root.pem"), "-untrusted", files.path("issuing.pem"),
                "-CRLfile", files.path("issuing-crl.pem"), "-CRLfile", files.path("root-crl.pem"), files.path(leafPem));
    }

    /**
     * The chain (leaf, issuing CA, root) against the root as the only trust anchor and both CRLs, under GnuTLS's
     * "medium" verification profile (at least 112-bit security: the default it announces for the future).
     */
    static Processes.Result certtoolVerify(PkiFiles files, String chainPem, String... options) {
        List<String> command = new ArrayList<>(List.of("certtool", "--verify", "--verify-profile", "medium",
                "--load-ca-certificate", files.path("root.pem"), "--load-crl", files.path("crls.pem"), "--infile", files.path(chainPem)));
        command.addAll(List.of(options));
        return Processes.run(files.directory(), command.toArray(String[]::new));
    }

    /** The chain's own consistency, its last certificate trusted: no trust store, no CRLs. */
    static Processes.Result certtoolVerifyChain(PkiFiles files, String chainPem) {
        return Processes.run(files.directory(), "certtool", "--verify-chain", "--infile", files.path(chainPem));
    }

    /** The subject as OpenSSL prints it: UTF-8, most significant RDN last, comma-separated, with extra {@code nameopt}. */
    static String openSslSubject(PkiFiles files, String certificatePem, String nameopt) {
        String output = Processes.run(files.directory(), "openssl", "x509", "-in", files.path(certificatePem), "-noout", "-subject",
                "-nameopt", "utf8,dn_rev,sep_comma_plus," + nameopt).succeeded().output();
        return output.strip().replaceFirst("^subject=", "");
    }

    /** The subject as {@code certtool -i} prints it on its tab-indented "Subject: " line. */
    static String certtoolSubject(PkiFiles files, String certificatePem) {
        Processes.Result result = Processes.run(files.directory(), "certtool", "-i", "--infile", files.path(certificatePem)).succeeded();
        return result.output().lines().filter(line -> line.startsWith("\tSubject: ")).findFirst()
                .map(line -> line.substring("\tSubject: ".length()))
                .orElseThrow(() -> new AssertionError("no Subject line in " + result.describe()));
    }
}
