package io.huitong.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.info.License;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The licence the OpenAPI description names is the one the repository ships. */
class OpenApiLicenseTest {

    @Test
    void the_description_names_the_licence_with_its_url_and_the_repository_ships_its_text() throws Exception {
        License license = new OpenApiConfiguration().huitongApi().getInfo().getLicense();

        // OpenAPI: a licence object names its licence by url (or, in 3.1, by SPDX identifier)
        assertThat(license.getName()).isEqualTo("Apache-2.0");
        assertThat(license.getUrl()).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
        String text = Files.readString(Path.of("LICENSE"));
        assertThat(text.strip()).startsWith("Apache License\n                           Version 2.0, January 2004");
        assertThat(text).contains("END OF TERMS AND CONDITIONS");
    }
}
