package trisec.warning;

import trisec.DomainException;

/** The checks every warning value makes of its numbers, each failing with a message that names the field. */
final class Require {
    private Require() {}

    static double between(String what, double value, double min, double max, String unit) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new DomainException(what + " must be between " + plain(min) + " and " + plain(max) + unit
                    + ", got " + plain(value));
        }
        return value;
    }

    static double nonNegative(String what, double value, String unit) {
        if (!Double.isFinite(value) || value < 0) {
            throw new DomainException(what + " must be 0" + unit + " or more, got " + plain(value));
        }
        return value;
    }

    static <T> T present(String what, T value) {
        if (value == null) {
            throw new DomainException(what + " is missing");
        }
        return value;
    }

    static String text(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException(what + " must not be empty");
        }
        return value.strip();
    }

    /** 90 rather than 90.0, so that a message reads as the person typed it. */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
