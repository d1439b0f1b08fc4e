package trisec.audit.note;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A verifier key in its text form, {@code <name>+<8 hex digits of key hash>+<base64(signature type ‖ public key)>}
 * (golang.org/x/mod/sumdb/note, {@code NewVerifier}; c2sp.org/signed-note, Verifier keys). Parsing checks the key
 * hash against the name and key, as Go does, so a vkey cannot name one key and carry another.
 */
record Vkey(String name, byte[] keyHash, int type, byte[] key) {
    Vkey {
        Syntax.requireKeyName(name);
        keyHash = keyHash.clone();
        key = key.clone();
    }

    static Vkey of(String name, int type, byte[] key) {
        return new Vkey(name, Syntax.keyHash(name, type, key), type, key);
    }

    /** @throws NoteException if it is not a vkey or its key hash does not match its name and key */
    static Vkey parse(String vkey) {
        Objects.requireNonNull(vkey, "vkey");
        int first = vkey.indexOf('+');
        int second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
        if (second < 0) {
            throw NoteException.malformed("a verifier key is <name>+<key hash>+<base64 key>, got '"
                    + Syntax.printable(vkey) + "'");
        }
        String name = vkey.substring(0, first);
        String hash = vkey.substring(first + 1, second);
        Syntax.requireKeyName(name);
        if (hash.length() != 8 || !hash.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw NoteException.malformed("the key hash of the verifier key " + name + " is not 8 hex digits");
        }
        byte[] blob = Syntax.base64(vkey.substring(second + 1), "the key of the verifier key " + name);
        if (blob.length < 2) {
            throw NoteException.malformed("the verifier key " + name + " has no key");
        }
        int type = blob[0] & 0xFF;
        byte[] key = Arrays.copyOfRange(blob, 1, blob.length);
        Vkey parsed = of(name, type, key);
        if (!Arrays.equals(parsed.keyHash, HexFormat.of().parseHex(hash.toLowerCase(java.util.Locale.ROOT)))) {
            throw NoteException.malformed("the verifier key " + name + " says its key hash is " + hash
                    + ", but its name and key hash to " + Syntax.hex(parsed.keyHash));
        }
        return parsed;
    }

    String text() {
        byte[] blob = new byte[1 + key.length];
        blob[0] = (byte) type;
        System.arraycopy(key, 0, blob, 1, key.length);
        return name + "+" + Syntax.hex(keyHash) + "+" + Syntax.base64(blob);
    }

    @Override
    public byte[] keyHash() {
        return keyHash.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vkey that && name.equals(that.name) && type == that.type
                && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(key));
    }

    @Override
    public String toString() {
        return text();
    }
}
