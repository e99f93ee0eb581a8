package io.huitong.shared.demo;

import java.util.List;
import io.huitong.shared.party.BidderAccounts;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

/**
 * Creates the demo users of {@code application-demo.yaml} (one per approver group, plus purchaser, rule author
 * and process designer) and their groups, if they are missing, and binds the demo bidder accounts to their
 * companies (unless an administrator has bound them meanwhile). Active only in the {@code demo} profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@EnableConfigurationProperties(DemoUsers.Settings.class)
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identity;
    private final Settings settings;
    private final BidderAccounts bidderAccounts;

    DemoUsers(IdentityService identity, Settings settings, BidderAccounts bidderAccounts) {
        this.identity = identity;
        this.settings = settings;
        this.bidderAccounts = bidderAccounts;
    }

    @ConfigurationProperties("huitong.demo")
    record Settings(List<DemoUser> users) {
    }

    /** A demo user; a bidder account also names the trading entity it acts for (credit code and name). */
    record DemoUser(String id, String password, String name, List<String> groups, String creditCode,
            String company) {
    }

    @EventListener(ContextRefreshedEvent.class)
    void create() {
        if (settings.users() == null) {
            return;
        }
        for (DemoUser demo : settings.users()) {
            for (String groupId : demo.groups()) {
                if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                    Group group = identity.newGroup(groupId);
                    group.setName(groupId);
                    group.setType("WORKFLOW");
                    identity.saveGroup(group);
                }
            }
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.name());
                user.setLastName("(demo)");
                user.setPassword(demo.password());
                identity.saveUser(user);
                for (String groupId : demo.groups()) {
                    identity.createMembership(demo.id(), groupId);
                }
                log.info("demo user '{}' in {}", demo.id(), demo.groups());
            }
            if (demo.creditCode() != null && bidderAccounts.of(demo.id()).isEmpty()) {
                bidderAccounts.bind(demo.id(), demo.creditCode(), demo.company(), "demo");
            }
        }
    }
}
