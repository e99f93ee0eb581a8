package io.huitong.archive.web;

import io.huitong.archive.ArchivePackage;
import io.huitong.archive.ArchiveVerification;
import io.huitong.archive.TenderArchives;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "归档 Archive", description = "电子档案 / The electronic archive of a tender")
class ArchiveController {

    private final TenderArchives archives;

    ArchiveController(TenderArchives archives) {
        this.archives = archives;
    }

    @GetMapping(path = "/api/tenders/{tenderId}/archive", produces = "application/zip")
    @Operation(summary = "下载归档包 Download the archive",
            description = "Centre clerks, supervisors, administrators; once the tender's lifecycle is over (409 "
                    + "before). A zip with manifest.json listing every file's SHA-256; the X-Archive-SHA256 header "
                    + "gives the hash of the package the platform recorded.")
    ResponseEntity<byte[]> download(@PathVariable String tenderId) {
        ArchivePackage p = archives.packageOf(tenderId, Operator.current().userId());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("huitong-archive-" + tenderId + ".zip").build().toString())
                .header("X-Archive-SHA256", p.packageSha256()).body(p.content());
    }

    @GetMapping("/api/tenders/{tenderId}/archive/verification")
    @Operation(summary = "核验平台保存的归档包 Verify the stored archive")
    ArchiveVerification verifyStored(@PathVariable String tenderId) {
        return archives.verify(archives.packageOf(tenderId, Operator.current().userId()).content());
    }

    @PostMapping(path = "/api/archive-verifications", consumes = {"application/zip", "application/octet-stream"})
    @Operation(summary = "核验一份归档包 Verify a copy of an archive",
            description = "Upload a package (the zip as the body): every file against its manifest, and the manifest "
                    + "and package against the hashes the platform recorded.")
    ArchiveVerification verify(@RequestBody byte[] zip) {
        return archives.verify(zip);
    }
}
