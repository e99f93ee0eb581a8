package io.huitong.remote;

import io.huitong.interconnect.PeerMessage;
import io.huitong.interconnect.PeerMessageHandler;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The messages of remote evaluation between platforms, each to its step: what a partner on another platform sends
 * the main side ({@link PeerPartners}), and what a main centre on another platform sends this centre as its partner
 * ({@link PartnerVenue}).
 */
@Configuration(proxyBeanMethods = false)
class PeerMessageHandlers {

    @Bean
    PeerMessageHandler remoteAnswer(PeerPartners partners) {
        return handler(PeerPartners.ANSWER, partners::answered);
    }

    @Bean
    PeerMessageHandler remoteVenueReady(PeerPartners partners) {
        return handler(PeerPartners.VENUE_READY, partners::venueReady);
    }

    @Bean
    PeerMessageHandler remoteSignedIn(PeerPartners partners) {
        return handler(PeerPartners.SIGNED_IN, partners::signedIn);
    }

    @Bean
    PeerMessageHandler remoteRecords(PeerPartners partners) {
        return handler(PeerPartners.RECORDS, partners::recordsHandedBack);
    }

    @Bean
    PeerMessageHandler remoteScores(PeerCommitteeWork work) {
        return handler(PeerCommitteeWork.SCORES, work::scored);
    }

    @Bean
    PeerMessageHandler remoteSignature(PeerCommitteeWork work) {
        return handler(PeerCommitteeWork.SIGNATURE, work::signed);
    }

    // the partner's side: what a main centre on another platform sends

    @Bean
    PeerMessageHandler remoteRequest(PartnerVenue venue) {
        return handler(PeerPartners.REQUEST, venue::requested);
    }

    @Bean
    PeerMessageHandler remoteScoring(PartnerCommitteeWork work) {
        return handler(PeerCommitteeWork.SCORING, work::scoringOpened);
    }

    @Bean
    PeerMessageHandler remoteReport(PartnerCommitteeWork work) {
        return handler(PeerCommitteeWork.REPORT, work::reportReady);
    }

    @Bean
    PeerMessageHandler remoteWithdrawn(PartnerVenue venue) {
        return handler(PeerPartners.WITHDRAWN, venue::withdrawn);
    }

    @Bean
    PeerMessageHandler remoteConfirmed(PartnerVenue venue) {
        return handler(PartnerVenue.CONFIRMED, venue::confirmed);
    }

    @Bean
    PeerMessageHandler remoteSettled(PartnerVenue venue) {
        return handler(PartnerVenue.SETTLED, venue::settled);
    }

    // the joint draw: both ways, to the main side or the partner's side by the evaluation the message names

    @Bean
    PeerMessageHandler drawCommit(JointDrawMain main, JointDrawPartner partner) {
        return handler(JointDrawMain.COMMIT, m -> {
            if (partner.isPartnerOf(m)) {
                partner.committed(m);
            } else {
                main.committed(m);
            }
        });
    }

    @Bean
    PeerMessageHandler drawReveal(JointDrawMain main, JointDrawPartner partner) {
        return handler(JointDrawMain.REVEAL, m -> {
            if (partner.isPartnerOf(m)) {
                partner.revealed(m);
            } else {
                main.revealed(m);
            }
        });
    }

    static PeerMessageHandler handler(String type, Consumer<PeerMessage> apply) {
        return new PeerMessageHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public void apply(PeerMessage message) {
                apply.accept(message);
            }
        };
    }
}
