package io.huitong.remote;

import io.huitong.interconnect.PeerMessage;
import io.huitong.interconnect.PeerMessageHandler;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The messages of remote evaluation that a partner on another platform sends to the main side, each to its step. */
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
