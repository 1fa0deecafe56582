package dev.omnigraph.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnigraph.console.ui.common.JsonLineTokenizer.Kind;
import dev.omnigraph.console.ui.common.JsonLineTokenizer.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLineTokenizerTest {
    @Test
    void colouresKeysStringsNumbersAndLiterals() {
        List<Token> t = JsonLineTokenizer.tokenize("    \"state_revision\": 17,");
        assertThat(t).extracting(Token::kind).containsExactly(Kind.PLAIN, Kind.KEY, Kind.PUNCTUATION, Kind.PLAIN, Kind.NUMBER,
                Kind.PUNCTUATION);
        assertThat(JsonLineTokenizer.tokenize("  \"a\": \"x\\\"y: z\",")).extracting(Token::kind)
                .containsExactly(Kind.PLAIN, Kind.KEY, Kind.PUNCTUATION, Kind.PLAIN, Kind.STRING, Kind.PUNCTUATION);
        assertThat(JsonLineTokenizer.tokenize("[true, false, null, -1.5e3]")).extracting(Token::kind).contains(Kind.LITERAL, Kind.NUMBER);
    }

    @Test
    void neverDropsACharacter() {
        for (String line : List.of("  \"k\" : {", "\"unterminated", "garbage ~ # @", "", "  }", "\"\\\\\": \"\\u00e9\"")) {
            assertThat(String.join("", JsonLineTokenizer.tokenize(line).stream().map(Token::text).toList())).isEqualTo(line);
        }
    }
}
