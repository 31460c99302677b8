package org.civicca.cli.revoke;

import java.nio.file.Path;
import java.time.Instant;
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
import org.civicca.cli.csv.CsvTable;
import org.civicca.core.message.Messages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Revokes one certificate, or every row of a CSV file, reporting each. */
@Command(name = "revoke", description = {"Revoke one certificate (--serial) or many (--csv with columns serial or request_id, and reason;",
        "optional invalidity_date and ticket)."},
        mixinStandardHelpOptions = true,
        footer = {"", "Reasons: unspecified, keyCompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold,",
                "privilegeWithdrawn. A certificate already revoked is reported as such, not as a failure, so a file can be rerun.",
                "", "Examples:", "  civicca revoke --serial 5f3a9c... --reason keyCompromise --invalidity-date 2026-11-01T00:00:00Z",
                "  civicca revoke --csv leavers.csv"})
public final class RevokeCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--reason", paramLabel = "R", description = "RFC 5280 reason in camelCase (with --serial)")
    String reason;

    @Option(names = "--invalidity-date", paramLabel = "D", description = "since when the key is unsafe, ISO-8601 (with --serial)")
    String invalidityDate;

    @Option(names = "--ticket", paramLabel = "T", description = "reference of the ticket that asked for it (with --serial)")
    String ticket;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Target {
        @Option(names = "--serial", paramLabel = "S", description = "serial number (hex)", required = true)
        String serial;

        @Option(names = "--csv", paramLabel = "FILE", description = "CSV with serial or request_id, reason, optional invalidity_date",
                required = true)
        Path csv;
    }

    @Override
    public Integer call() {
        List<Order> orders = target.csv != null ? fromCsv(target.csv) : List.of(single());
        Output output = new Output(spec);
        CaClient client = CivicCaCommand.global(spec).client();
        List<Map<String, String>> results = new ArrayList<>();
        int failed = 0;
        for (Order order : orders) {
            Map<String, String> result = execute(client, order);
            results.add(result);
            boolean ok = !"failed".equals(result.get("outcome"));
            failed += ok ? 0 : 1;
            String said = ok
                    ? output.text(CliMessage.REVOKED_LINE, result.get("serial"), outcome(output, result.get("outcome")), order.reason())
                    : output.text(CliMessage.IN_FIELD, result.get("field"), result.get("reason"));
            String where = order.line() > 0 ? output.text(CliMessage.AT_LINE, target.csv, order.line(), said) : said;
            if (ok) {
                output.line(where);
            } else {
                output.note(where);
            }
        }
        output.line(CliMessage.REVOKE_SUMMARY, orders.size() - failed, failed);
        output.document(results);
        return failed == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    /** The outcome as people read it; the JSON document keeps the English word. */
    private static String outcome(Output output, String outcome) {
        return "revoked".equals(outcome) ? output.text(CliMessage.OUTCOME_REVOKED)
                : "already revoked".equals(outcome) ? output.text(CliMessage.OUTCOME_ALREADY_REVOKED) : outcome;
    }

    private Map<String, String> execute(CaClient client, Order order) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("serial", order.serial());
        result.put("requestId", order.requestId());
        try {
            String serial = order.serial() != null ? order.serial() : serialOf(client, order.requestId());
            result.put("serial", serial);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", order.reason());
            if (order.invalidityDate() != null) {
                body.put("invalidityDate", order.invalidityDate().toString());
            }
            if (order.ticket() != null) {
                body.put("ticket", order.ticket());
            }
            client.revoke(serial, body);
            result.put("outcome", "revoked");
        } catch (ApiProblemException e) {
            if ("already-revoked".equals(e.kind())) {
                result.put("outcome", "already revoked");
            } else {
                result.put("outcome", "failed");
                result.put("field", e.field() == null ? "serial" : e.field());
                result.put("reason", e.getMessage());
            }
        }
        return result;
    }

    private static String serialOf(CaClient client, String requestId) {
        List<Wire.Certificate> found = client.certificates(Map.of("requestId", requestId, "size", "1")).items();
        if (found.isEmpty()) {
            String detail = Messages.format(client.language(), CliMessage.NO_CERTIFICATE_FOR_REQUEST_ID, requestId);
            throw new ApiProblemException(404, "unknown-certificate", detail, "request_id");
        }
        return found.get(0).serial();
    }

    private Order single() {
        if (reason == null) {
            throw CliException.usage(CliMessage.REASON_WITH_SERIAL);
        }
        return new Order(0, target.serial, null, reason, instant(invalidityDate, "--invalidity-date"), ticket);
    }

    private List<Order> fromCsv(Path file) {
        if (reason != null || invalidityDate != null || ticket != null) {
            throw CliException.usage(CliMessage.OPTIONS_WITH_SERIAL_ONLY);
        }
        CsvTable table = CsvTable.read(file, List.of("reason"));
        if (!table.header().contains("serial") && !table.header().contains("request_id")) {
            throw CliException.usage(CliMessage.SERIAL_OR_REQUEST_ID_COLUMN, file);
        }
        List<Order> orders = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String serial = row.get("serial").strip();
            String requestId = row.get("request_id").strip();
            if (serial.isEmpty() && requestId.isEmpty()) {
                throw CliException.usage(CliMessage.SERIAL_OR_REQUEST_ID, file, row.line());
            }
            String date = row.get("invalidity_date").strip();
            String rowTicket = row.get("ticket").strip();
            String where = Messages.format(CivicCaCommand.global(spec).language(), CliMessage.FIELD_AT_LINE, file, row.line(), "invalidity_date");
            orders.add(new Order(row.line(), serial.isEmpty() ? null : serial, requestId.isEmpty() ? null : requestId,
                    row.get("reason").strip(), date.isEmpty() ? null : instant(date, where), rowTicket.isEmpty() ? null : rowTicket));
        }
        return orders;
    }

    private static Instant instant(String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw CliException.usage(CliMessage.INSTANT_REQUIRED, where);
        }
    }

    record Order(int line, String serial, String requestId, String reason, Instant invalidityDate, String ticket) {
    }
}
