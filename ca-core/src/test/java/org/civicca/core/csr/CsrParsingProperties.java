package org.civicca.core.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.TestPki;
import org.civicca.core.key.KeyAlgorithm;

/**
 * Property-based fuzzing of CSR parsing, bounded for CI: whatever bytes or text arrive, the parser either returns a
 * CSR whose proof of possession verified or refuses with a {@link CaException} of a client's kind. Nothing else may
 * escape (no IllegalArgumentException, ClassCastException, stack overflow or out-of-memory from Bouncy Castle).
 */
class CsrParsingProperties {

    private static final Set<ErrorCode> CLIENT_FAULTS = Set.of(ErrorCode.BAD_CSR, ErrorCode.CSR_SIGNATURE_INVALID, ErrorCode.WEAK_KEY,
            ErrorCode.UNSUPPORTED_KEY, ErrorCode.POLICY_VIOLATION, ErrorCode.INVALID_FIELD);
    private static final byte[] EC = TestPki.der(TestPki.csr(TestPki.keyPair(KeyAlgorithm.EC_P256)));
    private static final byte[] RSA = TestPki.der(TestPki.csr(TestPki.keyPair(KeyAlgorithm.RSA_2048)));
    private static final byte[] ED25519 = TestPki.der(TestPki.csr(TestPki.keyPair(KeyAlgorithm.ED25519)));

    private final CsrParser parser = new CsrParser();

    @Property(tries = 600)
    void aMutatedCsrIsParsedOrRefusedAsTheClientsFault(@ForAll("mutatedCsrs") byte[] der) {
        parseOrRefuse(Base64.getEncoder().encodeToString(der));
        parseOrRefuse("-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n");
    }

    @Property(tries = 300)
    void arbitraryTextIsRefusedAsTheClientsFault(@ForAll @StringLength(max = 2000) String text) {
        parseOrRefuse(text);
    }

    @Property(tries = 200)
    void arbitraryBytesAreRefusedAsTheClientsFault(@ForAll("randomBytes") byte[] bytes) {
        parseOrRefuse(Base64.getEncoder().encodeToString(bytes));
    }

    private void parseOrRefuse(String text) {
        try {
            ParsedCsr parsed = parser.parse(text);
            assertThat(parsed.keyAlgorithm()).isNotNull();
        } catch (CaException refused) {
            assertThat(refused.code()).as(refused.getMessage()).isIn(CLIENT_FAULTS);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedCsrs() {
        Arbitrary<byte[]> original = Arbitraries.of(EC, RSA, ED25519);
        return Arbitraries.oneOf(
                Combinators.combine(original, Arbitraries.integers().between(0, 10_000), Arbitraries.bytes())
                        .as((csr, at, value) -> flipped(csr, at, value)),
                Combinators.combine(original, Arbitraries.integers().between(0, 10_000)).as(CsrParsingProperties::truncated),
                Combinators.combine(original, Arbitraries.integers().between(0, 10_000), Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
                        .as(CsrParsingProperties::inserted),
                Combinators.combine(original, Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(1, 4))
                        .as(CsrParsingProperties::lengthBumped));
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    }

    private static byte[] flipped(byte[] csr, int at, byte value) {
        byte[] copy = csr.clone();
        copy[at % copy.length] ^= value == 0 ? 1 : value;
        return copy;
    }

    private static byte[] truncated(byte[] csr, int length) {
        return Arrays.copyOf(csr, length % csr.length);
    }

    private static byte[] inserted(byte[] csr, int at, byte[] extra) {
        int position = at % csr.length;
        byte[] copy = new byte[csr.length + extra.length];
        System.arraycopy(csr, 0, copy, 0, position);
        System.arraycopy(extra, 0, copy, position, extra.length);
        System.arraycopy(csr, position, copy, position + extra.length, csr.length - position);
        return copy;
    }

    /** Changes a byte that may be a DER length: the mutations that catch decoders trusting lengths. */
    private static byte[] lengthBumped(byte[] csr, int at, int by) {
        byte[] copy = csr.clone();
        int position = at % copy.length;
        copy[position] = (byte) (copy[position] + by);
        return copy;
    }
}
