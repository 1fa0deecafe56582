/**
 * What every run of the console sets up before anything else, and what the packaged desktop
 * application relies on: the per-user folder ({@link dev.omnigraph.console.app.AppHome}), the redacted
 * rotating log ({@link dev.omnigraph.console.app.AppLogging}, {@link dev.omnigraph.console.app.Redactor}),
 * crash reports ({@link dev.omnigraph.console.app.CrashHandler}, {@link dev.omnigraph.console.app.CrashReport},
 * {@link dev.omnigraph.console.app.CrashDialog}) and the start-up timeline
 * ({@link dev.omnigraph.console.app.StartupTimeline}).
 *
 * <p>{@code Launcher.main} calls {@link dev.omnigraph.console.app.AppRuntime#install} first. The rest of the
 * console uses these one-line hooks (all harmless when nothing was installed, e.g. in tests):
 * <pre>{@code
 * WindowSupport.windowUp(stage);        // ConsoleApp.start, after stage.show(): crash dialogs get the main window as owner
 * AppRuntime.clusterOpened(root);       // a cluster tab finished its first load (the packaging smoke test waits for it)
 * AppRuntime.doing("Verifying the catalog of s3://…");  // shown under "what the console was doing" in crash reports
 * AppRuntime.keys(staticKeys);          // an admin typed session keys: redact them everywhere from now on
 * AppRuntime.secret(value);             // any other secret the console learns (api_key values …)
 * }</pre>
 * The first window is noticed without a hook (its first rendered frame is logged as
 * {@code Startup: first frame rendered N ms after process start …}).
 */
package dev.omnigraph.console.app;
