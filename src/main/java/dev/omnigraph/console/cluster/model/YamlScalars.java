package dev.omnigraph.console.cluster.model;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * serde_yaml 0.9 scalar resolution ({@code de.rs}: {@code visit_untagged_scalar},
 * {@code parse_null}, {@code parse_bool}, {@code parse_unsigned_int}, {@code parse_negative_int},
 * {@code parse_f64}, {@code digits_but_not_number}). YAML 1.2 core style: only
 * {@code null/Null/NULL/~}/empty are null, only {@code true/True/TRUE/false/False/FALSE} are
 * booleans ({@code yes}/{@code on} are strings), integers may use {@code +}, {@code 0x}, {@code 0o},
 * {@code 0b}, a decimal with a leading zero ({@code 01}) is a string. Quoted and block scalars are
 * always strings.
 */
final class YamlScalars {

    enum Type { NULL, BOOL, INT, FLOAT, STRING }

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger I128_MIN = BigInteger.ONE.shiftLeft(127).negate();
    /** Rust's f64 grammar (after an optional sign), minus inf/nan which serde_yaml filters out. */
    private static final Pattern RUST_FLOAT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private YamlScalars() {
    }

    static Type resolve(YamlNode.Scalar scalar) {
        if (!scalar.plain()) {
            return Type.STRING;
        }
        String v = scalar.value();
        if (v.isEmpty() || isNullLiteral(v)) {
            return Type.NULL;
        }
        if (parseBool(v) != null) {
            return Type.BOOL;
        }
        if (parseUnsigned(v, U128_MAX) != null || parseNegative(v, I128_MIN) != null) {
            return Type.INT;
        }
        if (!digitsButNotNumber(v) && isFloat(v)) {
            return Type.FLOAT;
        }
        return Type.STRING;
    }

    static boolean isNullLiteral(String v) {
        return v.equals("null") || v.equals("Null") || v.equals("NULL") || v.equals("~");
    }

    static Boolean parseBool(String v) {
        return switch (v) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code parse_unsigned_int} into u64; null when it does not parse or overflows. */
    static BigInteger parseU64(String v) {
        return parseUnsigned(v, U64_MAX);
    }

    private static BigInteger parseUnsigned(String scalar, BigInteger max) {
        String unpositive = scalar.startsWith("+") ? scalar.substring(1) : scalar;
        for (String[] radix : new String[][] {{"0x", "16"}, {"0o", "8"}, {"0b", "2"}}) {
            if (unpositive.startsWith(radix[0])) {
                String rest = unpositive.substring(2);
                if (rest.startsWith("+") || rest.startsWith("-")) {
                    return null;
                }
                BigInteger value = radixValue(rest, Integer.parseInt(radix[1]), max);
                if (value != null) {
                    return value;
                }
            }
        }
        if (unpositive.startsWith("+") || unpositive.startsWith("-")) {
            return null;
        }
        if (digitsButNotNumber(scalar)) {
            return null;
        }
        return radixValue(unpositive, 10, max);
    }

    private static BigInteger parseNegative(String scalar, BigInteger min) {
        for (String[] radix : new String[][] {{"-0x", "16"}, {"-0o", "8"}, {"-0b", "2"}}) {
            if (scalar.startsWith(radix[0])) {
                BigInteger value = radixValue(scalar.substring(3), Integer.parseInt(radix[1]), null);
                if (value != null && value.negate().compareTo(min) >= 0) {
                    return value.negate();
                }
            }
        }
        if (digitsButNotNumber(scalar)) {
            return null;
        }
        String body = scalar;
        boolean negative = false;
        if (body.startsWith("-") || body.startsWith("+")) {
            negative = body.startsWith("-");
            body = body.substring(1);
        }
        BigInteger magnitude = radixValue(body, 10, null);
        if (magnitude == null) {
            return null;
        }
        BigInteger value = negative ? magnitude.negate() : magnitude;
        return value.compareTo(min) >= 0 && value.bitLength() <= 127 ? value : null;
    }

    /** Rust {@code from_str_radix} on an unsigned digit string (no sign, no underscores). */
    private static BigInteger radixValue(String digits, int radix, BigInteger max) {
        if (digits.isEmpty() || digits.length() > 200) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'z') {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        return max == null || value.compareTo(max) <= 0 ? value : null;
    }

    static boolean digitsButNotNumber(String scalar) {
        String s = scalar.startsWith("-") || scalar.startsWith("+") ? scalar.substring(1) : scalar;
        if (s.length() <= 1 || s.charAt(0) != '0') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isFloat(String scalar) {
        String unpositive = scalar;
        if (scalar.startsWith("+")) {
            unpositive = scalar.substring(1);
            if (unpositive.startsWith("+") || unpositive.startsWith("-")) {
                return false;
            }
        }
        switch (unpositive) {
            case ".inf", ".Inf", ".INF" -> {
                return true;
            }
            default -> {
            }
        }
        switch (scalar) {
            case "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN" -> {
                return true;
            }
            default -> {
            }
        }
        if (!RUST_FLOAT.matcher(unpositive).matches()) {
            return false;
        }
        return Double.isFinite(Double.parseDouble(unpositive));
    }
}
