package org.civicca.core.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The CAs' private keys in one PKCS#12 file. The JDK writes PKCS#12 with PBES2 (PBKDF2-HMAC-SHA256,
 * AES-256-CBC) and an HMAC-SHA256 integrity check. Writes go to a temporary file that is then renamed, so a
 * crash never leaves a half-written keystore; the file is readable by its owner only.
 */
public final class Pkcs12KeyStore {

    private final Path file;
    private final char[] password;
    private volatile KeyStore store;

    private Pkcs12KeyStore(Path file, char[] password, KeyStore store) {
        this.file = file;
        this.password = password;
        this.store = store;
    }

    public static Pkcs12KeyStore open(Path file, char[] password) {
        return new Pkcs12KeyStore(file, password.clone(), read(file, password));
    }

    /**
     * Reads the file again, for nodes that share it: a key another node wrote since this one opened the file is seen,
     * and a later {@link #put} does not write over it. Call it under the lock that serializes writers.
     */
    public void reload() {
        store = read(file, password);
    }

    private static KeyStore read(Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
            }
            return store;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open CA keystore " + file + " (wrong password or damaged file)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open CA keystore " + file, e);
        }
    }

    public Optional<PrivateKey> privateKey(String alias) {
        try {
            return Optional.ofNullable((PrivateKey) store.getKey(alias, password));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read key " + alias + " from the CA keystore", e);
        }
    }

    public Optional<X509Certificate> certificate(String alias) {
        try {
            return Optional.ofNullable((X509Certificate) store.getCertificate(alias));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read certificate " + alias + " from the CA keystore", e);
        }
    }

    /** The certificate chain stored with a key, own certificate first. */
    public List<X509Certificate> chain(String alias) {
        try {
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null) {
                throw new IllegalStateException("no certificate chain for " + alias + " in the CA keystore");
            }
            return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the chain of " + alias + " from the CA keystore", e);
        }
    }

    /** Adds a key with its chain (own certificate first) and writes the keystore durably. */
    public void put(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
            save();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot store key " + alias + " in the CA keystore", e);
        }
    }

    private void save() throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
                out.flush();
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // The rename is durable only once the folder's entry is on disk: without this, a power loss could
            // leave the old keystore (without the new key) while the database already records the new CA.
            try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                folder.force(true);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
