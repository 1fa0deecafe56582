/**
 * What every run of the console sets up before anything else, and what the packaged desktop
 * application relies on: the per-user folder ({@link dev.omnigraph.console.runtime.AppHome}), the redacted
 * rotating log ({@link dev.omnigraph.console.runtime.AppLogging}, {@link dev.omnigraph.console.runtime.Redactor}),
 * crash reports ({@link dev.omnigraph.console.runtime.CrashHandler}, {@link dev.omnigraph.console.runtime.CrashReport},
 * {@code ui.runtime.CrashDialog}) and the start-up timeline
 * ({@link dev.omnigraph.console.runtime.StartupTimeline}).
 *
 * <p>{@code Launcher.main} calls {@code app.AppStart.install} first. The rest of the
 * console uses these one-line hooks (all harmless when nothing was installed, e.g. in tests):
 * <pre>{@code
 * WindowSupport.windowUp(stage);        // ConsoleApp.start, after stage.show(): crash dialogs get the main window as owner
 * AppRuntime.clusterOpened(root);       // a cluster tab finished its first load (the packaging smoke test waits for it)
 * AppRuntime.doing("Verifying the catalog of s3://…");  // shown under "what the console was doing" in crash reports
 * AppRuntime.secrets(id, secret, token); // S3Settings.StaticKeys, LocalS3Server: keys the console is given, redacted everywhere from now on
 * AppRuntime.secret(value);             // any other secret the console learns (api_key values …)
 * }</pre>
 * The first window is noticed without a hook (its first rendered frame is logged as
 * {@code Startup: first frame rendered N ms after process start …}).
 */
package dev.omnigraph.console.runtime;
