package dev.omnigraph.console.ui.migrate;

import dev.omnigraph.console.ui.common.Tagged;
import dev.omnigraph.console.ui.common.Ui;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Page 6: says exactly what cutover will do, shows both ledgers' CAS, and needs the cluster's name
 * (or its root) typed exactly before "Cut over" is enabled.
 */
final class CutoverPage extends VBox {
    private final WizardViewModel vm;
    private final Label what = new Label();
    private final Label sourceCas = Ui.mono("–");
    private final Label destinationCas = Ui.mono("–");
    private final Label destinationRoot = Ui.mono("");

    CutoverPage(WizardViewModel vm) {
        super(12);
        this.vm = vm;
        what.setId("migrate-cutover-what");
        what.setWrapText(true);
        sourceCas.setId("migrate-source-cas");
        sourceCas.setWrapText(true);
        destinationCas.setId("migrate-destination-cas");
        destinationCas.setWrapText(true);
        destinationRoot.setWrapText(true);
        GridPane cards = cards();
        vm.preflightProperty().addListener(o -> refresh());
        vm.destinationProperty().addListener(o -> refresh());
        vm.cutoverProperty().addListener(o -> refresh());
        refresh();
        TextField typed = confirmField();
        Label prompt = new Label("Type \u201c" + vm.confirmationWord() + "\u201d to _confirm (the cluster's name, or its root):");
        prompt.setId("migrate-confirm-label");
        prompt.setWrapText(true);
        prompt.setMnemonicParsing(true);
        prompt.setLabelFor(typed);
        getChildren().addAll(what, cards, prompt, confirmRow(typed));
    }

    /** Source and destination side by side, half the width each: root and ledger CAS. */
    private GridPane cards() {
        Label sourceRoot = Ui.mono(vm.sourceDisplay());
        sourceRoot.setWrapText(true);
        VBox sourceCard = Ui.card("SOURCE (stays as it is)", sourceRoot, sourceCas);
        VBox destinationCard = Ui.card("DESTINATION (becomes authoritative)", destinationRoot, destinationCas);
        GridPane cas = new GridPane();
        cas.setHgap(12);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            cas.getColumnConstraints().add(half);
        }
        cas.addRow(0, sourceCard, destinationCard);
        sourceCard.setMaxHeight(Double.MAX_VALUE);
        destinationCard.setMaxHeight(Double.MAX_VALUE);
        return cas;
    }

    /** The cards and the steps, for the preflight, destination and cutover as they stand. */
    private void refresh() {
        String ledger = vm.preflightProperty().get() == null ? "?" : vm.preflightProperty().get().ledger().map(l -> l.cas()).orElse("?");
        String dest = vm.destinationProperty().get() == null ? "?" : vm.destinationProperty().get().destination().display();
        destinationRoot.setText(dest);
        sourceCas.setText("ledger CAS " + ledger);
        destinationCas.setText(vm.cutoverProperty().get() != null && vm.cutoverProperty().get().authoritative()
                ? "ledger CAS " + vm.cutoverProperty().get().ledgerCas() : "no ledger yet; after cutover: ledger CAS " + ledger);
        what.setText("Cutover will:\n"
                + "  1. re-read the source ledger and check it is still exactly the bytes that were copied (" + ledger + "); if a "
                + "writer changed it, cutover stops and nothing is written;\n"
                + "  2. write those exact bytes to " + dest + "/__cluster/state.json with a create-only put (if a ledger "
                + "appeared there meanwhile, cutover stops and overwrites nothing);\n"
                + "  3. release the source lock.\n"
                + "From then on the destination is authoritative once cluster.yaml's storage: points at it. The source stays as "
                + "it is: rolling back is pointing storage: at it again.");
    }

    private TextField confirmField() {
        TextField typed = new TextField();
        typed.setId("migrate-confirm");
        typed.textProperty().bindBidirectional(vm.typedProperty());
        // an empty field: a prompt text with the name looked as if it were already typed
        typed.setAccessibleText("Type the cluster name " + vm.confirmationWord() + " to enable cutover");
        typed.setOnAction(e -> vm.next());
        typed.setPrefColumnCount(30);
        return typed;
    }

    /** The typed word and whether it matches. */
    private HBox confirmRow(TextField typed) {
        Label match = new Label();
        match.setId("migrate-confirm-match");
        vm.typedProperty().addListener(o -> showMatch(match));
        showMatch(match);
        return Ui.row(10, typed, match);
    }

    private void showMatch(Label match) {
        String t = vm.typedProperty().get();
        if (t == null || t.isEmpty()) {
            match.setText("");
            match.getStyleClass().removeIf(c -> c.startsWith("status-") || c.equals("badge"));
        } else {
            Ui.styleBadge(match, vm.confirmationMatches() ? Tagged.ok("matches") : Tagged.danger("does not match"));
        }
    }
}
