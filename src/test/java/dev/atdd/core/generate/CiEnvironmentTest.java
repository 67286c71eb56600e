package dev.atdd.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CiEnvironmentTest {

    @Test
    void theEnvironmentVariableCiMeansCiUnlessEmptyFalseOrZeroAndDecidesOverAzureAndJenkins() {
        for (String ci : new String[] {"true", "True", "1", "yes"}) {
            assertEquals(Optional.of("CI=" + ci), CiEnvironment.evidence(Map.of("CI", ci)::get), ci);
        }
        for (String notCi : new String[] {"", " ", "false", "FALSE", "0"}) {
            assertEquals(Optional.empty(), CiEnvironment.evidence(Map.of("CI", notCi)::get), notCi);
        }
        assertEquals(Optional.empty(), CiEnvironment.evidence(Map.<String, String>of()::get));
        // Azure Pipelines and Jenkins set no CI; an explicit CI=false (as the plugin's own tests set) still wins.
        assertEquals(Optional.of("TF_BUILD=True"), CiEnvironment.evidence(Map.of("TF_BUILD", "True")::get));
        assertEquals(Optional.of("JENKINS_URL"),
                CiEnvironment.evidence(Map.of("JENKINS_URL", "https://ci.example.com/")::get));
        assertEquals(Optional.empty(), CiEnvironment.evidence(Map.of("TF_BUILD", "False")::get));
        Map<String, String> jenkinsAsTheseTestsRun = Map.of("CI", "false", "JENKINS_URL", "https://ci.example.com/");
        assertEquals(Optional.empty(), CiEnvironment.evidence(jenkinsAsTheseTestsRun::get));
    }
}
