import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.pem.Pem;

/**
 * Writes N issuance request bodies, one JSON document a line, each with a CSR of its own fresh key, for the REST
 * load generator. Run from a built tree: java -cp "ca-core/target/ca-core-*.jar:<bc jars>" bench/CsrCorpus.java N KEY OUT
 */
public final class CsrCorpus {

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        KeyAlgorithm algorithm = KeyAlgorithm.parse(args[1]);
        SecureRandom random = new SecureRandom();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                KeyPair keys = algorithm.generate(random);
                String csr = Pem.certificateRequest(CsrBuilder.build(keys, algorithm)).replace("\r", "").replace("\n", "\\n");
                out.write("{\"profile\":\"personal\",\"agency\":\"so-tc\",\"subject\":{\"commonName\":\"Nguyễn Thị Ánh\","
                        + "\"email\":\"anh" + i + ".so-tc@vinhphuc.gov.vn\",\"nationalId\":\"026199482708\",\"title\":\"Chuyên viên\","
                        + "\"unit\":\"Phòng Ngân sách\"},\"csr\":\"" + csr + "\"}\n");
            }
        }
    }
}
