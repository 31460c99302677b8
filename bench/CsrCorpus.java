import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import org.civicca.core.csr.CsrBuilder;
import org.civicca.core.csv.CsvRecords;
import org.civicca.core.key.KeyAlgorithm;
import org.civicca.core.pem.Pem;

/**
 * Writes N issuance request bodies, one JSON document a line, each with a CSR of its own fresh key, for the REST
 * load generator. Run from a built tree:
 * java -cp "ca-core/target/ca-core-*.jar:<bc jars>" bench/CsrCorpus.java N KEY OUT [AGENCIES_CSV]
 * Without AGENCIES_CSV every request is the same official's of one agency, without a requestId. With it, the traffic
 * a province's CA serves: every agency in turn, one request in five for the agency's organizational certificate, the
 * rest for officials of varied names, titles and units, each under a requestId whose "{{n}}" the load generator
 * numbers (bench/issue.lua), so that no two requests share one.
 */
public final class CsrCorpus {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Quang", "Minh", "Thu", "Đức"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Hà", "Ánh", "Hưng", "Lan", "Tuấn"};
    private static final String[] TITLE = {"Chuyên viên", "Văn thư", "Trưởng phòng", "Phó Giám đốc"};
    private static final String[] UNIT = {"Phòng Tổ chức - Hành chính", "Văn phòng", "Phòng Kế hoạch - Tài chính"};

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        KeyAlgorithm algorithm = KeyAlgorithm.parse(args[1]);
        List<List<String>> agencies = args.length > 3
                ? CsvRecords.parse(Files.readString(Path.of(args[3]))).stream().skip(1).filter(r -> !r.isBlank()).map(CsvRecords.Record::fields).toList()
                : List.of();
        SecureRandom random = new SecureRandom();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                KeyPair keys = algorithm.generate(random);
                String csr = Pem.certificateRequest(CsrBuilder.build(keys, algorithm)).replace("\r", "").replace("\n", "\\n");
                out.write((agencies.isEmpty() ? oneOfficial(i) : provinceRequest(i, agencies.get(i % agencies.size())))
                        + ",\"csr\":\"" + csr + "\"}\n");
            }
        }
    }

    private static String oneOfficial(int i) {
        return "{\"profile\":\"personal\",\"agency\":\"so-tc\",\"subject\":{\"commonName\":\"Nguyễn Thị Ánh\","
                + "\"email\":\"anh" + i + ".so-tc@vinhphuc.gov.vn\",\"nationalId\":\"026199482708\",\"title\":\"Chuyên viên\","
                + "\"unit\":\"Phòng Ngân sách\"}";
    }

    /** agency: code, name, tax code, locality (shared/data/agencies.csv); names hold no quote or backslash. */
    private static String provinceRequest(int i, List<String> agency) {
        String code = agency.get(0);
        String subject = i % 5 == 4
                ? "\"commonName\":\"" + agency.get(1) + "\",\"email\":\"" + code + "@vinhphuc.gov.vn\",\"taxCode\":\"" + agency.get(2) + "\""
                : "\"commonName\":\"" + FAMILY[i % FAMILY.length] + " " + MIDDLE[i % MIDDLE.length] + " " + GIVEN[i % GIVEN.length]
                  + "\",\"email\":\"w" + i + "." + code + "@vinhphuc.gov.vn\",\"nationalId\":\"0261" + String.format("%08d", i)
                  + "\",\"title\":\"" + TITLE[i % TITLE.length] + "\",\"unit\":\"" + UNIT[i % UNIT.length] + "\"";
        return "{\"requestId\":\"LOAD-{{n}}\",\"profile\":\"" + (i % 5 == 4 ? "organization" : "personal") + "\",\"agency\":\"" + code
                + "\",\"subject\":{" + subject + "}";
    }
}
