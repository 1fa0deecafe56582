package dev.omnigraph.console.ui.common;

/**
 * Every dialog the console shows goes through here, so view-models decide and tests answer: a
 * view-model asks {@link #confirm} (the window shows a modal question; a test double answers from a
 * script) and acts on the answer. Confirmations name what is at risk and label the button with the
 * action ("Reset all preferences", "Quit and lose the local S3 data"), never "OK".
 */
public interface DialogService {

    /**
     * A question whose yes is an action.
     *
     * @param header    one line: the question, naming the item ("Cancel the migration of analytics?")
     * @param detail    what happens and what is lost
     * @param action    the label of the button that does it
     * @param keep      the label of the button that does nothing
     * @param dangerous styles the action as destructive
     */
    record Confirmation(String title, String header, String detail, String action, String keep, boolean dangerous) {}

    /** Asks and waits for the answer (on the FX thread the window stays responsive); true when the action was chosen. */
    boolean confirm(Confirmation question);

    /** Tells something that needs no answer (does not wait). */
    void inform(String title, String header, String detail);

    /** Warns about something that needs no answer (does not wait). */
    void warn(String title, String header, String detail);
}
