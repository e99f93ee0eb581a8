package io.huitong.shared.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tasklist's own API answers a completion with undeclared inputs with 422, as /engine-rest does. */
@Configuration(proxyBeanMethods = false)
class TaskInputsConfiguration {

    @Bean
    FilterRegistrationBean<TaskInputsFilter> taskInputs(ObjectProvider<TaskService> tasks,
            ObjectProvider<RepositoryService> repository, ObjectMapper json) {
        FilterRegistrationBean<TaskInputsFilter> registration = new FilterRegistrationBean<>(
                new TaskInputsFilter(tasks, repository, json));
        registration.addUrlPatterns("/camunda/api/engine/*");
        // after Spring Security (-100): who calls is known before what they send is looked at
        registration.setOrder(10);
        return registration;
    }
}
