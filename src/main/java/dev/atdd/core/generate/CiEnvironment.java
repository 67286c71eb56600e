package dev.atdd.core.generate;

import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a build runs on CI, as its environment says: there a migration the build wrote would never be
 * committed, so generation only checks.
 */
public final class CiEnvironment {

    private CiEnvironment() {
    }

    /**
     * What says the environment is a CI build's ({@code CI=true}), or empty: the variable {@code CI} when set
     * (GitHub Actions, GitLab CI and most services set it; {@code false}, {@code 0} or empty say no), else Azure
     * Pipelines' {@code TF_BUILD} or Jenkins' {@code JENKINS_URL}, which set no {@code CI}.
     */
    public static Optional<String> evidence(Function<String, String> environment) {
        String ci = environment.apply("CI");
        if (ci != null) {
            String value = ci.trim();
            boolean says = !value.isEmpty() && !value.equalsIgnoreCase("false") && !value.equals("0");
            return says ? Optional.of("CI=" + value) : Optional.empty();
        }
        String azure = environment.apply("TF_BUILD");
        if (azure != null && azure.trim().equalsIgnoreCase("true")) {
            return Optional.of("TF_BUILD=" + azure.trim());
        }
        String jenkins = environment.apply("JENKINS_URL");
        return jenkins != null && !jenkins.isBlank() ? Optional.of("JENKINS_URL") : Optional.empty();
    }
}
