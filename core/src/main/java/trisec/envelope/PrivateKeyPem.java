package trisec.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;

/**
 * The text form in which trisec keeps a private key, for the node's keys ({@link NodeKeys}) and its log key alike:
 * PEM {@code PRIVATE KEY} (PKCS#8, readable by OpenSSL 3.5). Only the encoding: where the text is kept, and who may
 * read it, is the node's business.
 */
public final class PrivateKeyPem {
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private PrivateKeyPem() {}

    /** The PEM text of a PKCS#8 key; {@code pkcs8} is wiped. */
    public static byte[] encode(byte[] pkcs8) {
        byte[] body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(pkcs8);
        Arrays.fill(pkcs8, (byte) 0);
        byte[] begin = (PEM_BEGIN + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\n" + PEM_END + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] pem = new byte[begin.length + body.length + end.length];
        System.arraycopy(begin, 0, pem, 0, begin.length);
        System.arraycopy(body, 0, pem, begin.length, body.length);
        System.arraycopy(end, 0, pem, begin.length + body.length, end.length);
        Arrays.fill(body, (byte) 0);
        return pem;
    }

    /**
     * The PKCS#8 bytes of PEM text read from {@code source} (a file's name, in messages), or "SOURCE is not a PEM
     * PRIVATE KEY file" raised by {@code error}.
     */
    public static byte[] decode(String source, byte[] content, Function<String, RuntimeException> error) {
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)
                || text.length() < PEM_BEGIN.length() + PEM_END.length()) {
            throw error.apply(source + " is not a PEM PRIVATE KEY file");
        }
        try {
            return Base64.getMimeDecoder()
                    .decode(text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()));
        } catch (IllegalArgumentException e) {
            throw error.apply(source + " is not a PEM PRIVATE KEY file: " + e.getMessage());
        }
    }
}
