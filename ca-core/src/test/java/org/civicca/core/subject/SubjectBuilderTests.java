package org.civicca.core.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.civicca.core.CaException;
import org.civicca.core.ErrorCode;
import org.civicca.core.TestPki;
import org.civicca.core.agency.Agency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubjectBuilderTests {

    private final SubjectBuilder builder = TestPki.subjectBuilder();
    private final Agency agency = TestPki.agency();
    private final SubjectTemplate personal = TestPki.personalProfile().subject();
    private final SubjectTemplate organization = TestPki.organizationProfile().subject();

    @Test
    void buildsThePersonDnMostSignificantFirst() {
        SubjectFields fields = new SubjectFields("Phạm Quang Duy", "duy.pq@vinhphuc.gov.vn", "026090001234", "Chuyên viên",
                "Phòng Tổ chức", null);

        X500Name dn = reparsed(builder.build(personal, fields, agency).dn());

        assertThat(attributes(dn)).containsExactly(
                Map.entry(BCStyle.C, "VN"),
                Map.entry(BCStyle.ST, "Vĩnh Phúc"),
                Map.entry(BCStyle.L, "Vĩnh Yên"),
                Map.entry(BCStyle.O, "Sở Văn hóa, Thể thao và Du lịch"),
                Map.entry(BCStyle.OU, "Phòng Tổ chức"),
                Map.entry(BCStyle.T, "Chuyên viên"),
                Map.entry(BCStyle.CN, "Phạm Quang Duy"),
                Map.entry(BCStyle.UID, "CCCD:026090001234"));
    }

    @Test
    void encodesEveryAttributeAsUtf8StringExceptCountryAsPrintableString() throws IOException {
        SubjectFields fields = new SubjectFields("Nguyễn Thị Ánh", "anh.nt@vinhphuc.gov.vn", "026090001234", "Chuyên viên",
                "Văn phòng", null);

        X500Name dn = reparsed(builder.build(personal, fields, agency).dn());

        assertThat(dn.getRDNs()).hasSize(8);
        for (RDN rdn : dn.getRDNs()) {
            assertThat(rdn.isMultiValued()).as("RDN %s is single-valued", rdn.getFirst().getType()).isFalse();
            int tag = rdn.getFirst().getValue().toASN1Primitive().getEncoded()[0];
            int expected = rdn.getFirst().getType().equals(BCStyle.C) ? BERTags.PRINTABLE_STRING : BERTags.UTF8_STRING;
            assertThat(tag).as("string type of %s", rdn.getFirst().getType()).isEqualTo(expected);
        }
    }

    @Test
    void writesTheOrganizationTaxCodeAsMstUid() {
        X500Name dn = reparsed(builder.build(organization, TestPki.organization(), agency).dn());

        assertThat(values(dn, BCStyle.UID)).containsExactly("MST:2500123456");
        assertThat(values(dn, BCStyle.CN)).containsExactly("Sở Văn hóa, Thể thao và Du lịch");
        assertThat(values(dn, BCStyle.O)).containsExactly("Sở Văn hóa, Thể thao và Du lịch");
    }

    @Test
    void keepsATaxCodeSubUnitSuffix() {
        SubjectFields fields = new SubjectFields("Chi nhánh Phúc Yên", "cn@vinhphuc.gov.vn", null, null, null, "2500123456-007");

        assertThat(values(builder.build(organization, fields, agency).dn(), BCStyle.UID)).containsExactly("MST:2500123456-007");
    }

    @Test
    void refusesDnInjectionBeforeItReachesTheName() {
        SubjectFields fields = new SubjectFields("Phạm Quang Duy,O=Bộ Công an", "duy.pq@vinhphuc.gov.vn", "026090001234", null, null, null);

        assertThatThrownBy(() -> builder.build(personal, fields, agency))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).contains("subject.commonName");
                });
    }

    @Test
    void keepsAValueWithCommasInsideOneAttribute() {
        SubjectFields fields = new SubjectFields("Phòng An ninh, O Bộ Công an", "an-ninh@vinhphuc.gov.vn", null, null,
                "Đội 1, OU Phòng An ninh", "2500123456");

        X500Name dn = builder.build(organization, fields, agency).dn();
        X500Name fromString = new X500Name(BCStyle.INSTANCE, dn.toString());

        for (X500Name name : List.of(reparsed(dn), fromString)) {
            assertThat(values(name, BCStyle.O)).containsExactly("Sở Văn hóa, Thể thao và Du lịch");
            assertThat(values(name, BCStyle.CN)).containsExactly("Phòng An ninh, O Bộ Công an");
            assertThat(values(name, BCStyle.OU)).containsExactly("Đội 1, OU Phòng An ninh");
            assertThat(name.getRDNs()).hasSize(7);
        }
        assertThat(dn.toString()).contains("CN=Phòng An ninh\\, O Bộ Công an");
    }

    @Test
    void storesTheNormalizedValuesItChecked() {
        SubjectFields fields = new SubjectFields(Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD),
                "anh@VINHPHUC.gov.vn", " 026090001234 ", null, null, null);

        Subject subject = builder.build(personal, fields, agency);

        assertThat(subject.commonName()).isEqualTo("Nguyễn Thị Ánh");
        assertThat(subject.email()).contains("anh@vinhphuc.gov.vn");
        assertThat(subject.values()).containsOnlyKeys(SubjectField.COMMON_NAME, SubjectField.EMAIL, SubjectField.NATIONAL_ID);
        assertThat(values(subject.dn(), BCStyle.CN)).containsExactly("Nguyễn Thị Ánh");
        assertThat(values(subject.dn(), BCStyle.UID)).containsExactly("CCCD:026090001234");
    }

    @Test
    void neverPutsTheEmailInTheDn() {
        Subject subject = builder.build(personal, TestPki.person(), agency);

        assertThat(subject.dn().getRDNs(BCStyle.EmailAddress)).isEmpty();
        assertThat(subject.dn().toString()).doesNotContain("@");
        assertThat(subject.email()).contains("duy.pq@vinhphuc.gov.vn");
    }

    @Test
    void leavesOutAbsentOptionalFields() {
        X500Name dn = builder.build(personal, TestPki.person(), agency).dn();

        assertThat(dn.getRDNs(BCStyle.OU)).isEmpty();
        assertThat(dn.getRDNs(BCStyle.T)).isEmpty();
        assertThat(dn.getRDNs()).hasSize(6);
    }

    static Stream<Arguments> fieldsOutsideTheTemplate() {
        return Stream.of(
                arguments("personal", new SubjectFields("Phạm Quang Duy", "a@b.vn", "026090001234", null, null, "2500123456"),
                        "subject.taxCode", "not allowed"),
                arguments("organization", new SubjectFields("Sở Nội vụ", "a@b.vn", "026090001234", null, null, "2500123456"),
                        "subject.nationalId", "not allowed"),
                arguments("organization", new SubjectFields("Sở Nội vụ", "a@b.vn", null, "Giám đốc", null, "2500123456"),
                        "subject.title", "not allowed"),
                arguments("personal", new SubjectFields(null, "a@b.vn", "026090001234", null, null, null),
                        "subject.commonName", "required"),
                arguments("personal", new SubjectFields("Phạm Quang Duy", "  ", "026090001234", null, null, null),
                        "subject.email", "required"),
                arguments("personal", new SubjectFields("Phạm Quang Duy", "a@b.vn", null, null, null, null),
                        "subject.nationalId", "required"),
                arguments("organization", new SubjectFields("Sở Nội vụ", "a@b.vn", null, null, null, ""),
                        "subject.taxCode", "required"),
                arguments("personal", new SubjectFields("Phạm Quang Duy", "a@b.vn", "02609", null, null, null),
                        "subject.nationalId", "exactly 12 digits"),
                arguments("personal", new SubjectFields("Phạm Quang Duy", "a@localhost", "026090001234", null, null, null),
                        "subject.email", "e-mail"),
                arguments("personal", new SubjectFields("Sở Nội vụ (cũ)", "a@b.vn", "026090001234", null, null, null),
                        "subject.commonName", "only letters"),
                arguments("personal", new SubjectFields("Phạm Quang Duy", "a@b.vn", "026090001234", "Trưởng\u202Ephòng", null, null),
                        "subject.title", "bidirectional"));
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("fieldsOutsideTheTemplate")
    void refusesFieldsTheProfileDoesNotAllowOrRequire(String profile, SubjectFields fields, String field, String reason) {
        SubjectTemplate template = profile.equals("personal") ? personal : organization;

        assertThatThrownBy(() -> builder.build(template, fields, agency))
                .isInstanceOfSatisfying(CaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.field()).contains(field);
                    assertThat(e.getMessage()).contains(field).contains(reason);
                });
    }

    @Test
    void appliesTheProfilesCommonNameRule() {
        SubjectFields withParentheses = new SubjectFields("Ban Quản lý (khu 2)", "a@b.vn", null, null, null, "2500123456");

        assertThat(builder.build(organization, withParentheses, agency).commonName()).isEqualTo("Ban Quản lý (khu 2)");
    }

    @Test
    void refusesABadCountryOrProvinceAtConstruction() {
        assertThatThrownBy(() -> new SubjectBuilder("vn", "Vĩnh Phúc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubjectBuilder("VNM", "Vĩnh Phúc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubjectBuilder("VN", "Vĩnh=Phúc"))
                .isInstanceOfSatisfying(CaException.class, e -> assertThat(e.field()).contains("province"));
    }

    /** The DN as a relying party sees it: encoded and parsed back. */
    private static X500Name reparsed(X500Name dn) {
        try {
            return X500Name.getInstance(dn.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map.Entry<ASN1ObjectIdentifier, String>> attributes(X500Name dn) {
        return Arrays.stream(dn.getRDNs())
                .flatMap(rdn -> Arrays.stream(rdn.getTypesAndValues()))
                .map(SubjectBuilderTests::entry)
                .toList();
    }

    private static Map.Entry<ASN1ObjectIdentifier, String> entry(AttributeTypeAndValue atv) {
        return Map.entry(atv.getType(), string(atv.getValue()));
    }

    private static List<String> values(X500Name dn, ASN1ObjectIdentifier type) {
        return Arrays.stream(dn.getRDNs(type)).map(RDN::getFirst).map(AttributeTypeAndValue::getValue)
                .map(SubjectBuilderTests::string).toList();
    }

    private static String string(ASN1Encodable value) {
        return ((ASN1String) value.toASN1Primitive()).getString();
    }
}
