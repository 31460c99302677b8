package org.civicca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared province data (read-only: tests copy parts of it into their own folders). */
final class ProvinceData {

    private ProvinceData() {
    }

    static Path file(String name) {
        String folder = System.getProperty("civicca.shared-data");
        Path file = Path.of(folder == null ? "" : folder, name).toAbsolutePath().normalize();
        if (folder == null || !Files.isRegularFile(file)) {
            throw new IllegalStateException("civicca.shared-data (" + folder + ") has no " + name);
        }
        return file;
    }

    /** enrollment.csv's header and its data rows {@code first..last} (1-based, inclusive), written to {@code target}. */
    static Path enrollmentRows(int first, int last, Path target) {
        List<String> lines = lines(file("enrollment.csv"));
        List<String> slice = new ArrayList<>();
        slice.add(lines.get(0));
        slice.addAll(lines.subList(first, last + 1));
        try {
            Files.write(target, slice, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
