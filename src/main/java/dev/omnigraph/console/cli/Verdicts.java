package dev.omnigraph.console.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A read-only check's verdict on stdout, as text or as JSON starting with {@code ok} and {@code root}; exit 0 when ok, 1 otherwise. */
final class Verdicts {
    private Verdicts() {}

    static int report(CliContext ctx, boolean json, boolean ok, String root, Consumer<Map<String, Object>> details, Consumer<PrintStream> text) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", ok);
            out.put("root", root);
            details.accept(out);
            Json.print(ctx.out(), out);
        } else {
            text.accept(ctx.out());
        }
        return ok ? CliMain.OK : CliMain.FINDINGS;
    }
}
