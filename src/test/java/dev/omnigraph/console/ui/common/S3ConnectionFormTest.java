package dev.omnigraph.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnigraph.console.storage.S3Input;
import dev.omnigraph.console.storage.S3Settings;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class S3ConnectionFormTest {

    @Test
    void theFieldsBecomeOneTrimmedInputAndFillBackFromOne() {
        S3ConnectionForm form = new S3ConnectionForm();
        form.endpointProperty().set(" http://127.0.0.1:9000 ");
        form.pathStyleProperty().set(S3Input.PathStyle.PATH);
        form.accessKeyProperty().set("AKIAFORM");
        form.secretKeyProperty().set("form-secret\n");
        S3Input input = form.input();
        assertThat(input.endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(input.region()).isNull();
        assertThat(input.secretAccessKey()).isEqualTo("form-secret");

        S3ConnectionForm copy = new S3ConnectionForm();
        copy.regionProperty().set("eu-west-1");
        copy.fill(input);
        assertThat(copy.regionProperty().get()).isEmpty();
        assertThat(copy.input()).isEqualTo(input);
    }

    @Test
    void overAppliesTheFieldsOnTheBaseAndRefusesHalfAKeyPair() {
        S3ConnectionForm form = new S3ConnectionForm();
        S3Settings base = S3Settings.fromEnvironment(Map.of("AWS_REGION", "eu-west-3"));
        form.secretKeyProperty().set("lonely-secret");
        assertThatThrownBy(() -> form.over(base)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access key id");
        form.accessKeyProperty().set("AKIAPAIR");
        S3Settings s = form.over(base);
        assertThat(s.region()).isEqualTo("eu-west-3");
        assertThat(s.keys().accessKeyId()).isEqualTo("AKIAPAIR");
    }

    @Test
    void everyFieldReportsAnEdit() {
        S3ConnectionForm form = new S3ConnectionForm();
        AtomicInteger edits = new AtomicInteger();
        form.onEdit(edits::incrementAndGet);
        form.endpointProperty().set("http://a");
        form.endpointProperty().set("http://b");
        form.regionProperty().set("r");
        form.pathStyleProperty().set(S3Input.PathStyle.VIRTUAL);
        form.profileProperty().set("p");
        form.accessKeyProperty().set("k");
        form.secretKeyProperty().set("s");
        assertThat(edits).hasValue(7);
    }
}
