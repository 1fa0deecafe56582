package dev.omnigraph.console.ui.migrate;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/** The "transfers in flight" spinner, bound to the wizard (it changes a running copy too). */
final class ConcurrencySpinner {
    private ConcurrencySpinner() {}

    static Spinner<Integer> of(WizardViewModel vm) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                WizardViewModel.MAX_CONCURRENCY, vm.concurrencyProperty().get());
        Spinner<Integer> s = new Spinner<>(f);
        s.setEditable(true);
        s.setPrefWidth(90);
        s.setAccessibleText("Transfers in flight (1 to " + WizardViewModel.MAX_CONCURRENCY + ")");
        f.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.concurrencyProperty().set(b);
            }
        });
        vm.concurrencyProperty().addListener((o, a, b) -> f.setValue(b.intValue()));
        return s;
    }
}
