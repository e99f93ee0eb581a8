package io.huitong.certification;

import io.huitong.shared.party.CreditCodes;
import io.huitong.shared.party.IdentityNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The unified social credit code an entity's certificate carries in its subject (docs/certification.md): looked for in
 * organizationIdentifier (2.5.4.97), then serialNumber (2.5.4.5), then OU (2.5.4.11), each attribute holding a
 * valid code (GB 32100 check character) giving one; attributes holding different valid codes are a fact the rules
 * refuse (CertificateFacts.subjectCreditCodes), not a choice made here. A value is the code itself, or the code
 * after a prefix ending in "-" or ":" (ETSI's {@code NTRCN-91410100MA0000001X}, {@code 统一社会信用代码:91410100MA0000001X}).
 * <p>A person's certificate (an evaluation expert's) carries the citizen identity number (GB 11643, check character)
 * instead, in serialNumber (2.5.4.5) as Chinese personal certificates do, bare or after such a prefix (ETSI's
 * {@code IDCCN-410102199001011234}): {@link #idNumbers}.
 */
public final class SubjectCodes {

    /** Where the code is looked for, in this order. */
    static final ASN1ObjectIdentifier[] ATTRIBUTES = {BCStyle.ORGANIZATION_IDENTIFIER, BCStyle.SERIALNUMBER,
            BCStyle.OU};
    /** Where a person's identity number is looked for. */
    static final ASN1ObjectIdentifier[] PERSON_ATTRIBUTES = {BCStyle.SERIALNUMBER};

    private SubjectCodes() {
    }

    /** The code, or null when no attribute holds one. */
    public static String of(X500Name subject) {
        List<String> codes = all(subject);
        return codes.isEmpty() ? null : codes.get(0);
    }

    /**
     * Every distinct valid code the attributes hold, in the order they are looked in: more than one means the subject
     * names several entities, which the rules refuse rather than pick one.
     */
    public static List<String> all(X500Name subject) {
        return all(subject, ATTRIBUTES, CreditCodes::isValid);
    }

    /**
     * Every distinct valid citizen identity number (GB 11643) of a person's certificate: more than one means the
     * subject names several people, and it is no one's alone.
     */
    public static List<String> idNumbers(X500Name subject) {
        return all(subject, PERSON_ATTRIBUTES, IdentityNumbers::isValid);
    }

    private static List<String> all(X500Name subject, ASN1ObjectIdentifier[] attributes, Predicate<String> valid) {
        List<String> codes = new ArrayList<>();
        for (ASN1ObjectIdentifier type : attributes) {
            for (RDN rdn : subject.getRDNs(type)) {
                for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                    if (value.getType().equals(type)) {
                        String code = value.getValue() instanceof ASN1String text ? code(text.getString(), valid)
                                : null;
                        if (code != null && !codes.contains(code)) {
                            codes.add(code);
                        }
                    }
                }
            }
        }
        return codes;
    }

    private static String code(String value, Predicate<String> valid) {
        String v = value.strip();
        int cut = Math.max(Math.max(v.lastIndexOf('-'), v.lastIndexOf(':')), v.lastIndexOf('：'));
        String candidate = cut < 0 ? v : v.substring(cut + 1).strip();
        return valid.test(candidate) ? candidate : null;
    }
}
