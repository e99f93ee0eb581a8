package io.huitong.shared.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without an administrator: outside the demo profile, nobody else creates one. Configure
 * {@code camunda.bpm.admin-user.id} and {@code .password} (for example from environment variables) for the
 * first start.
 */
@Component
class AdministratorCheck implements ApplicationRunner {

    private final IdentityService identity;

    AdministratorCheck(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
            throw new IllegalStateException("""
                    No administrator: Huitong does not start without one.
                    Set camunda.bpm.admin-user.id and camunda.bpm.admin-user.password for the first start
                    (e.g. CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD), or run the demo profile.""");
        }
    }
}
