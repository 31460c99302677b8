package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What {@code civicca enroll} wrote into its output folder, read by tests, also while a run is writing it. */
final class EnrollmentFolder {

    private EnrollmentFolder() {
    }

    /** The data lines of manifest.csv (the rows done), 0 before the file exists. */
    static int manifestLines(Path out) {
        Path manifest = out.resolve("manifest.csv");
        if (!Files.exists(manifest)) {
            return 0;
        }
        try {
            return (int) Math.max(0, Files.readAllLines(manifest).stream().filter(l -> !l.isBlank()).count() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .p12 file under the folder; read it once the run has stopped (temporary files come and go meanwhile). */
    static List<Path> p12Files(Path out) {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".p12")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
