/**
 * Per-user console preferences ({@link dev.omnigraph.console.prefs.ConsolePreferences}) and their
 * JSON file ({@link dev.omnigraph.console.prefs.PreferencesStore}). Never holds a secret.
 */
package dev.omnigraph.console.prefs;
