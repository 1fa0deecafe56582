package dev.omnigraph.console.ui.common;

import dev.omnigraph.console.storage.StoreUri;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * A storage-root field checked as the admin types (ControlsFX validation decoration): an error
 * mark and tooltip with the sentence that Open or Check would show, before anything runs. Empty is
 * not an error here (the buttons say what is missing).
 */
public final class RootField {
    private RootField() {}

    /** The problem with {@code text} as a storage root, if any (the same rules as opening it). */
    public static Optional<String> problem(String text, Path cwd) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            StoreUri.parse(text, cwd);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.ofNullable(e.getMessage());
        }
    }

    /** Decorates {@code field} with the result of {@code check} (a sentence, or empty when fine). */
    public static ValidationSupport decorate(TextField field, Function<String, Optional<String>> check) {
        ValidationSupport support = new ValidationSupport();
        support.setValidationDecorator(new GraphicValidationDecoration());
        support.registerValidator(field, false, (javafx.scene.control.Control c, String value) -> {
            Optional<String> p = check.apply(value);
            return ValidationResult.fromErrorIf(c, p.orElse(""), p.isPresent());
        });
        return support;
    }
}
