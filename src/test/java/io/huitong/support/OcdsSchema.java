package io.huitong.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * The OCDS 1.1 release package and release schemas (src/test/resources/ocds, OCDS 1.1.5, Apache 2.0), the package's
 * reference to the release schema resolved to the local copy: no network.
 */
public final class OcdsSchema {

    private static final String RELEASE = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";
    private static final String PACKAGE = "https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers
                    .mapPrefix(RELEASE, "classpath:ocds/release-schema.json")
                    .mapPrefix(PACKAGE, "classpath:ocds/release-package-schema.json")));

    private OcdsSchema() {
    }

    /** What the release package schema (and, through it, the release schema) finds wrong with the document. */
    public static List<String> errors(JsonNode releasePackage) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(PACKAGE));
        return schema.validate(releasePackage).stream().map(Error::toString).toList();
    }
}
