package org.civicca.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Optional;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.junit.jupiter.api.Test;

class CaSubjectTests {

    @Test
    void buildsTheCaNameWithCountryAsPrintableStringAndTheRestAsUtf8() throws IOException {
        X500Name name = X500Name.getInstance(new CaSubject("VN", "Vĩnh Phúc", Optional.of("Vĩnh Yên"), "Ủy ban nhân dân tỉnh Vĩnh Phúc",
                Optional.of("Trung tâm Chứng thực điện tử"), "Vĩnh Phúc Root CA").toX500Name().getEncoded());

        assertThat(name.getRDNs()).extracting(rdn -> rdn.getFirst().getType())
                .containsExactly(BCStyle.C, BCStyle.ST, BCStyle.L, BCStyle.O, BCStyle.OU, BCStyle.CN);
        for (RDN rdn : name.getRDNs()) {
            int tag = rdn.getFirst().getValue().toASN1Primitive().getEncoded()[0];
            assertThat(tag).isEqualTo(rdn.getFirst().getType().equals(BCStyle.C) ? BERTags.PRINTABLE_STRING : BERTags.UTF8_STRING);
        }
    }

    @Test
    void leavesOutAbsentLocalityAndUnit() {
        X500Name name = new CaSubject("VN", "Vĩnh Phúc", Optional.empty(), "Ủy ban nhân dân tỉnh Vĩnh Phúc", Optional.empty(),
                "Vĩnh Phúc Issuing CA").toX500Name();

        assertThat(name.getRDNs()).extracting(rdn -> rdn.getFirst().getType())
                .containsExactly(BCStyle.C, BCStyle.ST, BCStyle.O, BCStyle.CN);
    }

    @Test
    void checksEveryValueLikeASubscribersValue() {
        assertThatThrownBy(() -> new CaSubject("VN", "Vĩnh Phúc", Optional.empty(), "UBND,CN=Evil", Optional.empty(), "Root CA"))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).contains("CA subject organization");
                });
        assertThatThrownBy(() -> new CaSubject("Viet Nam", "Vĩnh Phúc", Optional.empty(), "UBND", Optional.empty(), "Root CA"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
