package io.huitong.support;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.PasswordBasedEncrypter;

/** Seals a bid file as a bidder's tool does: JWE, PBES2-HS512+A256KW, A256GCM. */
public final class SealedBid {

    private SealedBid() {
    }

    public static String seal(String fileJson, String password) {
        return seal(fileJson, password, JWEAlgorithm.PBES2_HS512_A256KW, EncryptionMethod.A256GCM, 2000);
    }

    public static String seal(String fileJson, String password, JWEAlgorithm algorithm, EncryptionMethod method,
            int iterations) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(algorithm, method), new Payload(fileJson));
            jwe.encrypt(new PasswordBasedEncrypter(password, 16, iterations));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file of bidder n: its price, people and properties of its own (nothing shared with other bidders). */
    public static String file(String bidderId, int n, String price) {
        return """
                {"bidderId":"%s","price":%s,"projectManager":"项目经理%d","contactPerson":"联系人%d",
                 "technicalProposal":"投标人%d的施工组织设计",
                 "properties":{"machineCode":"MC-%04d","macAddress":"02:00:00:00:%02x:01","cpuSerial":"CPU-%04d",
                               "diskSerial":"DISK-%04d","creatorId":"CREATOR-%04d"}}"""
                .formatted(bidderId, price, n, n, n, n, n % 256, n, n, n);
    }
}
