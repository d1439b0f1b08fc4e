package trisec.envelope;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.DecapsulateException;
import javax.crypto.KDF;
import javax.crypto.KEM;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * The one place that names algorithms: the CNSA 2.0 suite (ML-DSA-87, ML-KEM-1024, SHA-384, AES-256) as the JDK 25
 * providers implement it. Nothing outside this class chooses a parameter set, a mode or a nonce.
 */
final class Suite {
    static final String SIGNATURE = "ML-DSA-87";
    static final String KEM_KEYS = "ML-KEM-1024";
    static final int ENCAPSULATION_BYTES = 1568;
    static final int SIGNATURE_BYTES = 4627;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int AES_KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Suite() {}

    static KeyPair signingKeyPair() {
        return keyPair(SIGNATURE);
    }

    static KeyPair kemKeyPair() {
        return keyPair(KEM_KEYS);
    }

    /**
     * Decodes an X.509 ML-DSA-87 public key, refusing other parameter sets and non-canonical encodings (so that one
     * key has exactly one {@link KeyId}).
     */
    static PublicKey signingPublicKey(byte[] x509) throws InvalidKeySpecException {
        return publicKey(SIGNATURE, x509);
    }

    static PublicKey kemPublicKey(byte[] x509) throws InvalidKeySpecException {
        return publicKey(KEM_KEYS, x509);
    }

    static PrivateKey signingPrivateKey(byte[] pkcs8) throws InvalidKeySpecException {
        return factory(SIGNATURE).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    static PrivateKey kemPrivateKey(byte[] pkcs8) throws InvalidKeySpecException {
        return factory(KEM_KEYS).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    static byte[] sign(PrivateKey key, byte[] bytes) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE);
            signature.initSign(key, RANDOM);
            signature.update(bytes);
            return signature.sign();
        } catch (InvalidKeyException | SignatureException e) {
            throw new IllegalStateException("cannot sign with the node's ML-DSA-87 key", e);
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    /** False for a bad or malformed signature; never throws for hostile input. */
    static boolean verify(PublicKey key, byte[] bytes, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(SIGNATURE);
            verifier.initVerify(key);
            verifier.update(bytes);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    static KEM.Encapsulated encapsulate(PublicKey kemKey) {
        try {
            return KEM.getInstance("ML-KEM").newEncapsulator(kemKey, RANDOM).encapsulate();
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("not an ML-KEM-1024 public key", e);
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    static SecretKey decapsulate(PrivateKey kemKey, byte[] encapsulation) throws DecapsulateException {
        try {
            return KEM.getInstance("ML-KEM").newDecapsulator(kemKey).decapsulate(encapsulation);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("not an ML-KEM-1024 private key", e);
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    /**
     * The envelope's AES-256 key: HKDF-SHA384 (RFC 5869) over the ML-KEM shared secret, salted with SHA-384 of the
     * encapsulation and with the header in the info, so the key is bound to this encapsulation and this header
     * (recipient key id included) and to nothing else.
     */
    static SecretKey envelopeKey(SecretKey sharedSecret, byte[] encapsulation, byte[] headerBytes) {
        byte[] context = "trisec envelope v1".getBytes(StandardCharsets.US_ASCII);
        byte[] info = Arrays.copyOf(context, context.length + headerBytes.length);
        System.arraycopy(headerBytes, 0, info, context.length, headerBytes.length);
        try {
            return KDF.getInstance("HKDF-SHA384")
                    .deriveKey("AES", HKDFParameterSpec.ofExtract()
                            .addIKM(sharedSecret)
                            .addSalt(sha384(encapsulation))
                            .thenExpand(info, AES_KEY_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA384 failed", e);
        }
    }

    static byte[] encrypt(SecretKey key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        try {
            Cipher cipher = gcm(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(associatedData);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
    }

    static byte[] decrypt(SecretKey key, byte[] nonce, byte[] associatedData, byte[] ciphertext)
            throws AEADBadTagException {
        try {
            Cipher cipher = gcm(Cipher.DECRYPT_MODE, key, nonce);
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption failed", e);
        }
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] sha384(byte[] bytes) {
        return digest("SHA-384", bytes);
    }

    static byte[] sha256(byte[]... parts) {
        return digest("SHA-256", parts);
    }

    private static byte[] digest(String algorithm, byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    private static Cipher gcm(int mode, SecretKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        return cipher;
    }

    private static PublicKey publicKey(String algorithm, byte[] x509) throws InvalidKeySpecException {
        PublicKey key = factory(algorithm).generatePublic(new X509EncodedKeySpec(x509));
        if (!Arrays.equals(key.getEncoded(), x509)) {
            throw new InvalidKeySpecException("not the canonical X.509 encoding of an " + algorithm + " key");
        }
        return key;
    }

    private static KeyFactory factory(String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        }
    }

    private static KeyPair keyPair(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(new NamedParameterSpec(algorithm), RANDOM);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw missing(e);
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IllegalStateException missing(NoSuchAlgorithmException e) {
        return new IllegalStateException("this JDK lacks the CNSA 2.0 suite (JDK 25 or later is required)", e);
    }
}
