package io.huitong.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.web.ValidationException;
import io.huitong.support.Zips;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading a package someone uploads: a small zip that unpacks to more than the cap, or holds more files than the cap,
 * is refused as soon as it passes it (never read whole into memory); names from outside cannot leave the folder.
 */
class ArchiveZipTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static byte[] packed(Map<String, byte[]> files) {
        return ArchiveZip.pack(JSON, JSON.createObjectNode().put("format", "test"), files, Instant.EPOCH).zip();
    }

    @Test
    void a_package_that_unpacks_past_the_cap_is_refused_and_one_at_the_cap_is_read() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("zeros.bin", new byte[2_000_000]);
        byte[] zip = packed(files);
        assertThat(zip.length).as("a zip much smaller than what it unpacks to").isLessThan(20_000);
        long manifest = Zips.unzip(zip).get(ArchiveZip.MANIFEST).length;
        assertThatThrownBy(() -> ArchiveZip.open(JSON, zip, 1_000_000, 10)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("package"));
        assertThat(ArchiveZip.open(JSON, zip, 2_000_000 + manifest, 10).problems()).isEmpty();
        assertThatThrownBy(() -> ArchiveZip.open(JSON, zip, 2_000_000 + manifest - 1, 10))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void a_package_of_more_files_than_the_cap_is_refused() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            files.put("f" + i, new byte[] {(byte) i});
        }
        byte[] zip = packed(files);
        assertThat(ArchiveZip.open(JSON, zip, 1_000_000, 6).files()).hasSize(5);
        assertThatThrownBy(() -> ArchiveZip.open(JSON, zip, 1_000_000, 5)).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_name_from_outside_stays_in_its_folder() {
        assertThat(ArchiveZip.safeName("../../etc/passwd")).doesNotContain("/").doesNotContain("..");
        assertThat(ArchiveZip.safeName("C:\\temp\\a.mp4")).doesNotContain("\\").doesNotContain(":");
        assertThat(ArchiveZip.safeName("评标全程录像.mp4")).isEqualTo("评标全程录像.mp4");
        assertThat(ArchiveZip.safeName("  ")).isEqualTo("file");
    }
}
