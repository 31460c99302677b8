package org.civicca.core.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.civicca.core.TestPki;
import org.junit.jupiter.api.Test;

class DistinguishedNamesTests {

    private final SubjectBuilder builder = TestPki.subjectBuilder();

    @Test
    void writesTheMostSpecificAttributeFirstAndKeepsVietnameseLetters() {
        SubjectFields fields = new SubjectFields("Nguyễn Thị Ánh", "anh@vinhphuc.gov.vn", "026090001234", "Chuyên viên",
                "Phòng Tổ chức", null);
        X500Name dn = builder.build(TestPki.personalProfile().subject(), fields, TestPki.agency()).dn();

        assertThat(DistinguishedNames.rfc4514(dn)).isEqualTo("UID=CCCD:026090001234,CN=Nguyễn Thị Ánh,T=Chuyên viên,"
                + "OU=Phòng Tổ chức,O=Sở Văn hóa\\, Thể thao và Du lịch,L=Vĩnh Yên,ST=Vĩnh Phúc,C=VN");
    }

    @Test
    void readsBackToTheSameAttributesInReverseOrder() {
        X500Name dn = builder.build(TestPki.organizationProfile().subject(), new SubjectFields("Ban Quản lý (khu 2), Phúc Yên",
                "bql@vinhphuc.gov.vn", null, null, "Văn phòng & Thi đua / Khen thưởng", "2500123456-007"), TestPki.agency()).dn();

        X500Name parsed = new X500Name(BCStyle.INSTANCE, DistinguishedNames.rfc4514(dn));

        List<RDN> reversed = Arrays.asList(parsed.getRDNs());
        java.util.Collections.reverse(reversed);
        assertThat(reversed).extracting(rdn -> rdn.getFirst().getType()).containsExactlyElementsOf(
                Arrays.stream(dn.getRDNs()).map(rdn -> rdn.getFirst().getType()).toList());
        assertThat(reversed).extracting(rdn -> rdn.getFirst().getValue().toString()).containsExactlyElementsOf(
                Arrays.stream(dn.getRDNs()).map(rdn -> rdn.getFirst().getValue().toString()).toList());
    }
}
