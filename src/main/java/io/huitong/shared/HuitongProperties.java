package io.huitong.shared;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Huitong finds the folders its users edit and keeps its data. Relative paths are resolved against
 * the working directory.
 */
@ConfigurationProperties("huitong")
public record HuitongProperties(Path dataDir, Path processesDir, Path rulesDir, ZoneId zone) {

    public HuitongProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        processesDir = processesDir == null ? Path.of("processes") : processesDir;
        rulesDir = rulesDir == null ? Path.of("rules") : rulesDir;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
