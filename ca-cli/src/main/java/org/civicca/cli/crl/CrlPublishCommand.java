package org.civicca.cli.crl;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicca.cli.CivicCaCommand;
import org.civicca.cli.CliException;
import org.civicca.cli.CliMessage;
import org.civicca.cli.ExitCode;
import org.civicca.cli.Output;
import org.civicca.cli.client.ApiProblemException;
import org.civicca.cli.client.CaClient;
import org.civicca.cli.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Copies each CA's CRL and certificate into a folder for a static web server, checking each CRL before it lands. */
@Command(name = "publish", description = "Fetch each CA's CRL (or make a fresh one), verify it, and write <ca>.crl and <ca>.crt into DIR.",
        mixinStandardHelpOptions = true,
        footer = {"", "A CRL whose signature does not verify with its CA certificate, or whose number is lower than the one",
                "already in DIR, is refused and DIR keeps what it had.", "", "Examples:",
                "  civicca crl publish --out /var/www/crl --fresh", "  civicca crl publish --out /var/www/crl --every 15m"})
public final class CrlPublishCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder served to relying parties")
    Path out;

    @Option(names = "--ca", paramLabel = "NAME", description = "only this CA (default: every CA)")
    String ca;

    @Option(names = "--fresh", description = "make a new CRL on the server first")
    boolean fresh;

    @Option(names = "--every", paramLabel = "DURATION", description = "keep republishing at this interval (e.g. 15m, 1h, PT30S)")
    String every;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Duration interval = every == null ? null : duration(every);
        CaClient client = CivicCaCommand.global(spec).client();
        Output output = new Output(spec);
        CrlPublication publication = new CrlPublication(client, out);
        while (true) {
            int result = publishOnce(client, publication, output);
            if (interval == null) {
                return result;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private int publishOnce(CaClient client, CrlPublication publication, Output output) {
        List<String> names = ca != null ? List.of(ca) : client.cas().stream().map(Wire.Ca::name).toList();
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        for (String name : names) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ca", name);
            try {
                if (fresh) {
                    client.publishCrl(name);
                }
                CrlPublication.Published published = publication.publish(name);
                result.put("crlNumber", published.number());
                result.put("nextUpdate", published.nextUpdate().toString());
                output.line(CliMessage.CRL_WRITTEN, name, published.number(), out.resolve(name + ".crl"), published.nextUpdate());
            } catch (CrlPublication.RefusedException e) {
                failed++;
                result.put("error", e.getMessage());
                output.note(name + ": " + e.message(output.language()));
            } catch (ApiProblemException e) {
                failed++;
                result.put("error", e.getMessage());
                output.note(name + ": " + e.getMessage());
            }
            results.add(result);
        }
        output.document(results);
        return failed == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    private static Duration duration(String text) {
        try {
            Duration value = text.toUpperCase().startsWith("P") ? Duration.parse(text) : Duration.parse("PT" + text.toUpperCase());
            if (value.compareTo(Duration.ofSeconds(1)) < 0) {
                throw CliException.usage(CliMessage.EVERY_AT_LEAST);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw CliException.usage(CliMessage.EVERY_FORMAT);
        }
    }
}
