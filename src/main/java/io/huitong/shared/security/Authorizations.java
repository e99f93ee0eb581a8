package io.huitong.shared.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What each group may do in the engine, its REST API and its webapps, granted at start-up if missing.
 * Camunda's authorizations are on: a user sees only tasks of their groups (candidate groups grant the work on
 * a task), the webapps they are granted, and nothing of identity unless administrator. Administrators
 * ({@code camunda-admin}) hold every permission through Camunda's own grants.
 */
@Component
class Authorizations {

    /** Everyone who works through Tasklist. */
    static final List<String> TASKLIST_GROUPS = List.of(Groups.REGISTRATION_CLERK, Groups.CENTRE_CLERK,
            Groups.CENTRE_DIRECTOR, Groups.SUPERVISOR, Groups.FINANCE_DEPARTMENT, Groups.PROJECT_APPROVAL_AUTHORITY,
            Groups.PURCHASER, Groups.EVALUATION_EXPERT, Groups.PROCESS_DESIGNER);

    /** Those who watch running processes in Cockpit. */
    static final List<String> COCKPIT_GROUPS = List.of(Groups.SUPERVISOR, Groups.PROCESS_DESIGNER);

    private final AuthorizationService authorizations;

    Authorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener(ContextRefreshedEvent.class)
    void grant() {
        for (String group : TASKLIST_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        for (String group : COCKPIT_GROUPS) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                    Permissions.READ_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        }
        grant(Groups.PROCESS_DESIGNER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.DELETE);
        // Tasklist's shared filters are readable by everyone who may open Tasklist
        if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER).count() == 0) {
            Authorization global = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            global.setResource(Resources.FILTER);
            global.setResourceId(ANY);
            global.addPermission(Permissions.READ);
            authorizations.saveAuthorization(global);
        }
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
