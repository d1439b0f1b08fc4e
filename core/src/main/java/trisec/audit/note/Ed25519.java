package trisec.audit.note;

import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) as the JDK provides it, with keys in the raw forms signed notes use: a 32-byte public key and a
 * 32-byte private seed. The one place in this package that names the algorithm.
 */
final class Ed25519 {
    static final int PUBLIC_KEY_BYTES = 32;
    static final int SEED_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    /** The X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410): the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519() {}

    static KeyPair generate() {
        return generate(RANDOM);
    }

    /**
     * The key pair of a 32-byte seed. The JDK has no public API that derives an Ed25519 public key from a private
     * one, but its key pair generator draws exactly the seed from the random source (RFC 8032 §5.1.5), so a source
     * that returns the seed yields the seed's key pair. The result is checked by signing and verifying, so that a
     * JDK that drew its seed differently fails loudly here instead of producing keys that do not belong together.
     */
    static KeyPair fromSeed(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, not " + seed.length);
        }
        byte[] copy = seed.clone();
        KeyPair pair = generate(new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != SEED_BYTES) {
                    throw new IllegalStateException("the JDK's Ed25519 generator asked for " + bytes.length
                            + " random bytes, not a 32-byte seed");
                }
                System.arraycopy(copy, 0, bytes, 0, SEED_BYTES);
            }
        });
        Arrays.fill(copy, (byte) 0);
        byte[] derived = seed(pair.getPrivate());
        boolean same = Arrays.equals(derived, seed);
        Arrays.fill(derived, (byte) 0);
        byte[] probe = "trisec Ed25519 pairwise consistency".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!same || !verify(pair.getPublic(), probe, sign(pair.getPrivate(), probe))) {
            throw new IllegalStateException("this JDK does not derive Ed25519 keys from a seed as RFC 8032 does");
        }
        return pair;
    }

    private static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw missing(e);
        }
    }

    static boolean isEd25519(Key key) {
        return key instanceof EdECKey ed && NamedParameterSpec.ED25519.getName().equalsIgnoreCase(ed.getParams().getName());
    }

    /** The 32-byte RFC 8032 encoding of a public key. */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] x509 = key == null ? null : key.getEncoded();
        if (!isEd25519(key) || x509 == null || x509.length != X509_PREFIX.length + PUBLIC_KEY_BYTES
                || !Arrays.equals(x509, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length);
    }

    static PublicKey publicKey(byte[] raw) {
        if (raw.length != PUBLIC_KEY_BYTES) {
            throw NoteException.malformed("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + PUBLIC_KEY_BYTES);
        System.arraycopy(raw, 0, x509, X509_PREFIX.length, PUBLIC_KEY_BYTES);
        try {
            return factory().generatePublic(new X509EncodedKeySpec(x509));
        } catch (InvalidKeySpecException e) {
            throw NoteException.malformed("not an Ed25519 public key: " + e.getMessage());
        }
    }

    /** The 32-byte seed of a private key; refuses keys whose seed the provider does not reveal. */
    static byte[] seed(PrivateKey key) {
        if (!isEd25519(key) || !(key instanceof EdECPrivateKey ed)) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        return ed.getBytes()
                .filter(b -> b.length == SEED_BYTES)
                .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key does not reveal its seed"));
    }

    static PrivateKey privateKey(byte[] seed) {
        try {
            return factory().generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 seed", e);
        }
    }

    /** The public key belonging to a private key. */
    static PublicKey publicKeyOf(PrivateKey key) {
        byte[] seed = seed(key);
        try {
            return fromSeed(seed).getPublic();
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (InvalidKeyException | SignatureException e) {
            throw new IllegalArgumentException("cannot sign with this Ed25519 key", e);
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    /** False for a wrong or malformed signature; never throws for hostile input. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    static KeyFactory factory() {
        try {
            return KeyFactory.getInstance("Ed25519");
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    private static IllegalStateException missing(Exception e) {
        return new IllegalStateException("this JDK lacks Ed25519", e);
    }
}
