/**
 * The top of the console, above both user interfaces: {@link dev.omnigraph.console.app.AppStart}
 * decides whether this process runs a command or opens the window and installs the runtime
 * ({@link dev.omnigraph.console.runtime}: per-user folder, redacted log, crash reports, secret
 * redaction) for it. Nothing below imports this package.
 */
package dev.omnigraph.console.app;
