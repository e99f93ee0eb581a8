package io.huitong.shared.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/processes")
@Tag(name = "流程模型 Models", description = "重新部署 processes/ 下的模型 / Redeploy the models of processes/")
class ProcessesController {

    private final ProcessDeployer deployer;

    ProcessesController(ProcessDeployer deployer) {
        this.deployer = deployer;
    }

    @PostMapping("/redeploy")
    @Operation(summary = "重新部署模型 Redeploy changed models",
            description = "Deploys the models of processes/ that changed since the last deployment. A model that "
                    + "does not parse is refused with 422 naming its file, line and column; nothing is deployed.")
    ProcessDeployer.Result redeploy() {
        return deployer.deploy();
    }
}
