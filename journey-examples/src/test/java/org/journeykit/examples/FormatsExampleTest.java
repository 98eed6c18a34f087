package org.journeykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsExampleTest {

    @Test
    void importsTheRunningExampleAndExportsItAsXes(@TempDir Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            FormatsExample.run(folder.resolve("log.xes"), out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        String xes = Files.readString(folder.resolve("log.xes"));

        assertThat(output).contains("ImportReport[lines=42, records=42, blank=0, skipped=0]")
                // case 1 of van der Aalst's running example
                .contains("case 1: register request > examine thoroughly > check ticket > decide > reject request")
                .contains("journey\n    title ");
        assertThat(xes.split("<trace>", -1)).hasSize(7);
        assertThat(xes.split("<event>", -1)).hasSize(43);
    }
}
