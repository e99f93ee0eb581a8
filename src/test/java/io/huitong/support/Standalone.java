package io.huitong.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Arguments for an application a test starts by itself (to stop and start it, or to watch it refuse to start)
 * beside the cached test contexts. Arguments, not default properties: application.yaml would win over those.
 */
public final class Standalone {

    private Standalone() {
    }

    public static String[] args(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                // its own engine name, so that closing it does not unregister the test contexts' "default" engine
                "--camunda.bpm.generate-unique-process-engine-name=true",
                // no webapps: they keep their runtime in static fields, which the test contexts' webapps share
                "--camunda.bpm.webapp.enabled=false",
                "--logging.level.org.camunda=warn",
                "--logging.level.org.camunda.bpm.engine.context=off"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
