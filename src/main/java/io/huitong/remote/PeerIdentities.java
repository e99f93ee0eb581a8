package io.huitong.remote;

import io.huitong.interconnect.PeerMessage;
import io.huitong.shared.security.Operator;
import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * A partner platform acts in this deployment under an identity of its own, {@code peer-<centre code>}: a member of the
 * partner centre's group only, so it may do exactly the steps that centre's clerks may (and sees nothing else).
 * Nobody logs in with it: its password is random and kept nowhere; it acts only when a message signed by that
 * platform's key is applied.
 */
@Component
class PeerIdentities {

    private final IdentityService identity;
    private final Centres centres;
    private final SecureRandom random = new SecureRandom();

    PeerIdentities(IdentityService identity, Centres centres) {
        this.identity = identity;
        this.centres = centres;
    }

    static String userOf(String centreCode) {
        return "peer-" + centreCode;
    }

    /** The user a seat drawn by a peer from its own pool sits as here: the peer's identity and the pool's id. */
    static String seatUser(String centreCode, String expertRef) {
        return userOf(centreCode) + "." + expertRef;
    }

    /** The operator a message from the peer acts as, its identity made on first use. */
    Operator operator(String centreCode, PeerMessage message) {
        String user = userOf(centreCode);
        Centre centre = centres.get(centreCode);
        String group = centre.groupId();
        if (identity.createUserQuery().userId(user).count() == 0) {
            User created = identity.newUser(user);
            created.setFirstName(centre.name());
            created.setLastName("协作平台 Peer platform");
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            created.setPassword(Base64.getEncoder().encodeToString(secret));
            identity.saveUser(created);
        }
        if (identity.createGroupQuery().groupMember(user).groupId(group).count() == 0) {
            identity.createMembership(user, group);
        }
        return new Operator(user, message.address());
    }
}
