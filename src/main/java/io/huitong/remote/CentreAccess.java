package io.huitong.remote;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A centre's group works in Tasklist on the tasks whose candidate group it is, and nothing more: no process
 * instance, history or variable of the engine is readable to it, so a partner sees only its own steps through
 * every door (Tasklist, the engine's REST API, Huitong's API).
 */
@Component
class CentreAccess {

    private final AuthorizationService authorizations;
    private final Centres centres;

    CentreAccess(AuthorizationService authorizations, Centres centres) {
        this.authorizations = authorizations;
        this.centres = centres;
    }

    @EventListener(ApplicationReadyEvent.class)
    void grantAll() {
        centres.all().forEach(c -> grant(c.groupId()));
    }

    void grant(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0;
        if (present) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
