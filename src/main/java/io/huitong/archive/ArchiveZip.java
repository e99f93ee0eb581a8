package io.huitong.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.shared.Digests;
import io.huitong.shared.web.ValidationException;
import io.huitong.shared.web.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The form of every archive package Huitong writes — a tender's, or a partner centre's engagement in another
 * platform's evaluation: a zip of files with {@code manifest.json} listing each file's SHA-256 and size. The package's
 * hash and its manifest's hash are kept apart from it by whoever wrote it, so an altered copy shows.
 */
public final class ArchiveZip {

    public static final String MANIFEST = "manifest.json";

    /** The most a package may hold, unpacked, and the most files: a zip that would unpack past either is refused. */
    static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;
    static final int MAX_FILES = 100_000;

    /**
     * The manifest is the one recorded but the package's bytes are not the ones recorded: a zip may carry the same
     * files under another directory, which other tools read instead of the entries checked here.
     */
    public static final String PACKAGE_DIFFERS = "归档包与平台记录的哈希不符 / the package's bytes differ from the "
            + "package the platform recorded";

    private ArchiveZip() {
    }

    /** A package as written: the zip and the hashes to keep apart from it. */
    public record Packed(byte[] zip, String packageSha256, String manifestSha256) {
    }

    /** A package as read: its manifest, its files (the manifest apart) and what does not match the manifest. */
    public record Opened(JsonNode manifest, String manifestSha256, Map<String, byte[]> files,
            List<ArchiveVerification.Problem> problems) {
    }

    /** Packs the files with the manifest: {@code header}'s fields, then {@code files} listed with their hashes. */
    public static Packed pack(ObjectMapper json, ObjectNode header, Map<String, byte[]> files, Instant at) {
        ObjectNode manifest = header.deepCopy();
        ArrayNode entries = manifest.putArray("files");
        files.forEach((path, bytes) -> entries.addObject().put("path", path).put("sha256", Digests.sha256Hex(bytes))
                .put("bytes", bytes.length));
        byte[] manifestBytes = write(json, manifest);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue(), at);
            }
            put(zip, MANIFEST, manifestBytes, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] zip = out.toByteArray();
        return new Packed(zip, Digests.sha256Hex(zip), Digests.sha256Hex(manifestBytes));
    }

    /**
     * Reads a package and checks every file against the manifest: none missing, none added, none altered, none twice.
     * A zip that cannot be read, or has no readable manifest, is refused (422) naming the package.
     */
    public static Opened open(ObjectMapper json, byte[] zip) {
        return open(json, zip, MAX_UNPACKED_BYTES, MAX_FILES);
    }

    static Opened open(ObjectMapper json, byte[] zip, long maxUnpacked, int maxFiles) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<ArchiveVerification.Problem> problems = new ArrayList<>();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[65_536];
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (files.size() >= maxFiles) {
                    throw refused("validation.archive-size", files.size(), "归档包文件数超过" + maxFiles + "个",
                            "The package holds more than " + maxFiles + " files");
                }
                // read as far as the cap, never further: a small zip can unpack to gigabytes
                ByteArrayOutputStream entry = new ByteArrayOutputStream();
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    unpacked += n;
                    if (unpacked > maxUnpacked) {
                        throw refused("validation.archive-size", unpacked, "归档包解压后超过" + maxUnpacked
                                + "字节", "The package unpacks to more than " + maxUnpacked + " bytes");
                    }
                    entry.write(buffer, 0, n);
                }
                if (files.put(e.getName(), entry.toByteArray()) != null) {
                    problems.add(new ArchiveVerification.Problem(e.getName(), "重复的文件 / the file appears twice"));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("validation.archive-zip", null, "不是可读取的归档包（zip）", "Not a readable archive (zip)");
        }
        byte[] manifestBytes = files.remove(MANIFEST);
        if (manifestBytes == null) {
            throw refused("validation.archive-manifest", MANIFEST, "归档包缺少清单 manifest.json",
                    "The package has no manifest.json");
        }
        JsonNode manifest;
        try {
            manifest = json.readTree(manifestBytes);
        } catch (IOException e) {
            throw refused("validation.archive-manifest", MANIFEST, "清单不是有效的JSON", "The manifest is not JSON");
        }
        Map<String, String> listed = new LinkedHashMap<>();
        manifest.path("files").forEach(f -> listed.put(f.path("path").asText(), f.path("sha256").asText()));
        listed.forEach((path, hash) -> {
            byte[] bytes = files.get(path);
            if (bytes == null) {
                problems.add(new ArchiveVerification.Problem(path, "清单所列文件缺失 / listed but missing"));
            } else if (!Digests.sha256Hex(bytes).equals(hash)) {
                problems.add(new ArchiveVerification.Problem(path, "文件内容与清单哈希不符 / altered: its hash differs"));
            }
        });
        files.keySet().stream().filter(path -> !listed.containsKey(path)).forEach(path -> problems.add(
                new ArchiveVerification.Problem(path, "清单未列出的文件 / not in the manifest")));
        return new Opened(manifest, Digests.sha256Hex(manifestBytes), files, problems);
    }

    /**
     * A file name from outside (a record's, named by a clerk or a peer platform) as a package may hold it: no folders,
     * no "..", no control characters — whoever extracts the package writes nothing outside its folder.
     */
    public static String safeName(String name) {
        String safe = name == null ? "" : name.replaceAll("[\\/\\\\:\\p{Cntrl}]", "_").replace("..", "_").strip();
        return safe.isEmpty() ? "file" : safe;
    }

    /**
     * What a check of a package found, with the hashes the platform recorded for it ({@code recorded}, empty when it
     * holds none: {@code noRecord} says so): {@code problems} are the files' and signatures' so far, to which this adds
     * the manifest's and the package's.
     */
    public static ArchiveVerification verdict(Opened opened, byte[] zip, String id,
            java.util.Optional<ArchivePackage> recorded, String noRecord, List<ArchiveVerification.Problem> problems,
            int signaturesVerified) {
        boolean manifestMatches = recorded.map(p -> p.manifestSha256().equals(opened.manifestSha256())).orElse(false);
        boolean packageMatches = recorded.map(p -> p.packageSha256().equals(Digests.sha256Hex(zip))).orElse(false);
        if (!manifestMatches) {
            problems.add(new ArchiveVerification.Problem(MANIFEST, recorded.isEmpty() ? noRecord
                    : "清单与平台记录的哈希不符 / the manifest differs from the one the platform recorded"));
        }
        // the same files in other bytes: nothing else differs, and yet it is not the package recorded
        if (manifestMatches && !packageMatches && problems.isEmpty()) {
            problems.add(new ArchiveVerification.Problem(MANIFEST, PACKAGE_DIFFERS));
        }
        return new ArchiveVerification(id, problems.isEmpty(), opened.manifest().path("files").size(),
                opened.manifestSha256(), manifestMatches, packageMatches, signaturesVerified, problems);
    }

    /** Pretty JSON, as every file of a package is written. */
    public static byte[] write(ObjectMapper json, Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String path, byte[] bytes, Instant at) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        entry.setTime(at.toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static ValidationException refused(String code, Object value, String zh, String en) {
        return new ValidationException(List.of(Violation.of("package", code, null, value, null, zh, en)));
    }
}
