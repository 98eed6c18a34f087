package org.journeykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's Java snippets compiling: every {@code ```java} block is compiled as the body of a method, with
 * the library's exported packages imported, against the same class and module path the tests run on.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static final List<String> IMPORTS = List.of(
            "org.journeykit.model.*", "org.journeykit.observed.*", "org.journeykit.analysis.*",
            "org.journeykit.error.*", "org.journeykit.metrics.*", "org.journeykit.metrics.stats.*",
            "org.journeykit.metrics.survey.*", "org.journeykit.metrics.retention.*",
            "org.journeykit.metrics.service.*", "org.journeykit.metrics.breakdown.*",
            "org.journeykit.metrics.lifetime.*", "org.journeykit.io.*",
            "org.journeykit.io.jackson.*", "org.journeykit.io.ndjson.*", "org.journeykit.io.csv.*",
            "org.journeykit.io.svg.*", "org.journeykit.io.html.*", "org.journeykit.metrics.journeys.actual.*",
            "org.journeykit.metrics.journeys.funnel.Funnel", "org.journeykit.metrics.journeys.funnel.FunnelAccumulator",
            "org.journeykit.metrics.journeys.funnel.FunnelResult", "org.journeykit.metrics.journeys.paths.*",
            "org.journeykit.metrics.journeys.attribution.*", "org.journeykit.metrics.journeys.conformance.*",
            "org.journeykit.io.events.*", "org.journeykit.io.xes.*", "org.journeykit.io.ocel.*",
            "org.journeykit.io.cjml.*", "org.journeykit.io.mermaid.*", "org.journeykit.io.xml.*",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "java.time.*", "java.util.*",
            "java.nio.file.*", "java.io.*");

    @Test
    void everyJavaSnippetInTheReadmeCompiles(@TempDir Path out) throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        String path = System.getProperty("java.class.path", "")
                + java.io.File.pathSeparator + System.getProperty("jdk.module.path", "");
        List<String> arguments = new ArrayList<>(List.of("-classpath", path, "-d", out.resolve("classes").toString(),
                "-proc:none", "-encoding", "UTF-8"));
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        int index = 0;
        while (matcher.find()) {
            String name = "ReadmeSnippet" + index++;
            Path file = out.resolve(name + ".java");
            Files.writeString(file, source(name, matcher.group(1)), StandardCharsets.UTF_8);
            arguments.add(file.toString());
        }
        assertThat(index).as("java snippets in the README").isPositive();

        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        StringWriter diagnostics = new StringWriter();
        try (PrintWriter writer = new PrintWriter(diagnostics)) {
            int status = javac.run(writer, writer, arguments.toArray(new String[0]));
            writer.flush();
            assertThat(status).as("README snippets compile:%n%s", diagnostics).isZero();
        }
    }

    private static Path readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a README.md above %s", Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("README.md");
    }

    private static String source(String name, String body) {
        StringBuilder code = new StringBuilder();
        for (String imported : IMPORTS) {
            code.append("import ").append(imported).append(";\n");
        }
        code.append("class ").append(name).append(" {\n  void snippet() throws Exception {\n")
                .append(body).append("\n  }\n}\n");
        return code.toString();
    }
}
