package io.huitong.bidding;

import io.huitong.tender.Regime;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A decrypted bid as the collusion rules compare it (TBR 40; O87 37; docs/rules.md E2, E3, E7): who the file says it is
 * from, the price, the people, the hash of its documents, the properties of the machine that made it and the
 * account its bond came from. Identifiers are normalised (case, separators, spaces) so that "02-00-5E-10-00-01" and
 * "02:00:5e:10:00:01" are the same card.
 */
public record DecryptedBid(Regime law, String bidId, String bidderId, String bidderName, String fileBidderId,
        BigDecimal price, String agent, String projectManager, String contactPerson, String documentHash,
        String machineCode, String macAddress, String cpuSerial, String diskSerial, String creatorId,
        String bondPayerAccount, String projectManagerCertificateNo) {

    public static DecryptedBid of(Regime law, Bid bid) {
        BidFile.FileProperties p = bid.properties() == null
                ? new BidFile.FileProperties(null, null, null, null, null) : bid.properties();
        return new DecryptedBid(law, bid.id(), bid.bidderId(), bid.bidderName(), bid.fileBidderId(), bid.price(),
                person(bid.agent()), person(bid.projectManager()), person(bid.contactPerson()), bid.documentHash(),
                serial(p.machineCode()), serial(p.macAddress()), serial(p.cpuSerial()), serial(p.diskSerial()),
                serial(p.creatorId()), serial(bid.bondPayerAccount()), bid.projectManagerCertificateNo() == null
                        || bid.projectManagerCertificateNo().isBlank() ? null : bid.projectManagerCertificateNo().strip());
    }

    /** A serial number or account: letters and digits only, upper case; blank is none. */
    static String serial(String value) {
        if (value == null) {
            return null;
        }
        String s = value.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /** A person's name or identity number: without spaces, upper case; blank is none. */
    static String person(String value) {
        if (value == null) {
            return null;
        }
        String s = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /**
     * Whether this bid's price continues an arithmetic sequence: it lies as far above the middle one as the middle
     * one lies above the first, by a step greater than zero (TBR 40(四) 投标报价呈规律性差异).
     */
    public boolean continues(DecryptedBid middle, DecryptedBid first) {
        if (price == null || middle.price == null || first.price == null) {
            return false;
        }
        BigDecimal step = middle.price.subtract(first.price);
        return step.signum() > 0 && price.subtract(middle.price).compareTo(step) == 0;
    }

    /** Whether the file names another bidder of the round than the one who submitted it (TBR 40(五) 混装). */
    public boolean namesBidder(DecryptedBid other) {
        return fileBidderId != null && !fileBidderId.equals(bidderId) && fileBidderId.equals(other.bidderId);
    }

    public boolean samePrice(DecryptedBid other) {
        return price != null && other.price != null && price.compareTo(other.price) == 0;
    }
}
