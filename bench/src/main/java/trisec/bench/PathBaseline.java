package trisec.bench;

import static trisec.bench.WarningLoad.JPN;
import static trisec.bench.WarningLoad.KOR;
import static trisec.bench.WarningLoad.USA;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KEM;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import trisec.envelope.Envelope;
import trisec.envelope.Envelopes;
import trisec.envelope.NodeKeys;
import trisec.envelope.Signatures;
import trisec.party.Party;

/**
 * What a warning's path cannot avoid, measured in the load generator's process on the payload of a real warning's
 * delivery, as medians in µs: the primitives alone (ML-DSA-87, ML-KEM-1024, AES-256-GCM, as the JDK's providers do
 * them); the project's own envelope and signed statements, per hop and per path; and one durable commit on the disk
 * the nodes' stores are on.
 */
record PathBaseline(Map<String, Double> micros) {
    static final String DIRECT = "path KOR → USA: item signed, one hop";
    static final String HUB = "path KOR → USA → JPN: item and consent signed, two hops, each checking both";
    static final String COMMIT = "one durable commit (SQLite WAL, synchronous=FULL, the nodes' disk)";
    private static final String LABEL = "SECRET | KOR 군사Ⅱ급비밀 | dprk.missile.warning";

    static PathBaseline measure(Map<Party, NodeKeys> keys, byte[] payload, Path disk, int rounds) throws Exception {
        NodeKeys kor = keys.get(KOR);
        NodeKeys usa = keys.get(USA);
        NodeKeys jpn = keys.get(JPN);
        Map<String, Double> m = new LinkedHashMap<>();

        // The primitives, on fresh keys of the same parameter sets.
        KeyPair dsa = KeyPairGenerator.getInstance("ML-DSA-87").generateKeyPair();
        KeyPair kem = KeyPairGenerator.getInstance("ML-KEM-1024").generateKeyPair();
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        SecretKey aesKey = aes.generateKey();
        var random = new SecureRandom();
        byte[] dsaSignature = mldsaSign(dsa, payload);
        byte[] encapsulation = KEM.getInstance("ML-KEM").newEncapsulator(kem.getPublic()).encapsulate()
                .encapsulation();
        m.put("ML-DSA-87 sign", median(rounds, () -> mldsaSign(dsa, payload)));
        m.put("ML-DSA-87 verify", median(rounds, () -> mldsaVerify(dsa, payload, dsaSignature)));
        m.put("ML-KEM-1024 encapsulate", median(rounds, () -> KEM.getInstance("ML-KEM")
                .newEncapsulator(kem.getPublic()).encapsulate()));
        m.put("ML-KEM-1024 decapsulate", median(rounds, () -> KEM.getInstance("ML-KEM")
                .newDecapsulator(kem.getPrivate()).decapsulate(encapsulation)));
        m.put("AES-256-GCM encrypt + decrypt, " + payload.length + " B", median(rounds, () -> {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = c.doFinal(payload);
            Cipher d = Cipher.getInstance("AES/GCM/NoPadding");
            d.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, nonce));
            return d.doFinal(sealed);
        }));

        // The project's own: an envelope (ML-KEM-1024, HKDF-SHA384, AES-256-GCM, ML-DSA-87 over it) and the signed
        // statements of a hop: the recipient checks the originator's item signature (and on the hub route its
        // consent) and signs its receipt before it commits and tells its screen.
        Envelope envelope = seal(kor, usa, payload);
        byte[] itemSignature = Signatures.sign(kor, "item", payload);
        m.put("envelope seal", median(rounds, () -> seal(kor, usa, payload)));
        m.put("envelope open", median(rounds, () -> Envelopes.open(usa, kor.identity(), envelope)));
        m.put("statement sign (item, consent, receipt)", median(rounds,
                () -> Signatures.sign(usa, "receipt", payload)));
        m.put("statement verify", median(rounds,
                () -> Signatures.verify(kor.identity(), "item", payload, itemSignature)));
        m.put("per hop: seal, open, item verify, receipt sign", median(rounds, () -> {
            Envelopes.open(usa, kor.identity(), seal(kor, usa, payload));
            Signatures.verify(kor.identity(), "item", payload, itemSignature);
            return Signatures.sign(usa, "receipt", payload);
        }));
        m.put(DIRECT, median(rounds, () -> {
            byte[] item = Signatures.sign(kor, "item", payload);
            Envelopes.open(usa, kor.identity(), seal(kor, usa, payload));
            Signatures.verify(kor.identity(), "item", payload, item);
            return Signatures.sign(usa, "receipt", payload);
        }));
        m.put(HUB, median(rounds, () -> {
            byte[] item = Signatures.sign(kor, "item", payload);
            byte[] consent = Signatures.sign(kor, "consent", payload);
            Envelopes.open(usa, kor.identity(), seal(kor, usa, payload));
            Signatures.verify(kor.identity(), "item", payload, item);
            Signatures.verify(kor.identity(), "consent", payload, consent);
            Signatures.sign(usa, "receipt", payload);
            Envelopes.open(jpn, usa.identity(), seal(usa, jpn, payload));
            Signatures.verify(kor.identity(), "item", payload, item);
            Signatures.verify(kor.identity(), "consent", payload, consent);
            return Signatures.sign(jpn, "receipt", payload);
        }));
        m.put(COMMIT, durableCommit(disk.resolve("commit-floor.db"), rounds));
        return new PathBaseline(m);
    }

    /**
     * A 1 KiB row inserted and committed as the nodes' stores commit: WAL, every commit synced before it returns
     * (DESIGN §5.6). The nodes' transactions write more, so this is their floor.
     */
    private static double durableCommit(Path file, int rounds) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v BLOB)");
            c.setAutoCommit(false);
            byte[] row = new byte[1024];
            try (var insert = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                return median(rounds, () -> {
                    insert.setBytes(1, row);
                    insert.executeUpdate();
                    c.commit();
                    return null;
                });
            }
        }
    }

    /** The mean of two runs' medians, operation by operation (before and after the scenarios). */
    static PathBaseline mean(PathBaseline a, PathBaseline b) {
        Map<String, Double> m = new LinkedHashMap<>();
        a.micros().forEach((k, v) -> m.put(k, (v + b.micros().get(k)) / 2));
        return new PathBaseline(m);
    }

    double micros(String operation) {
        return micros.get(operation);
    }

    private static Envelope seal(NodeKeys from, NodeKeys to, byte[] payload) {
        return Envelopes.seal(from, to.identity(), "ITEM", UUID.randomUUID(), Instant.now(), LABEL, payload);
    }

    private static byte[] mldsaSign(KeyPair k, byte[] message) throws Exception {
        Signature s = Signature.getInstance("ML-DSA-87");
        s.initSign(k.getPrivate());
        s.update(message);
        return s.sign();
    }

    private static boolean mldsaVerify(KeyPair k, byte[] message, byte[] signature) throws Exception {
        Signature s = Signature.getInstance("ML-DSA-87");
        s.initVerify(k.getPublic());
        s.update(message);
        return s.verify(signature);
    }

    private interface Operation {
        Object run() throws Exception;
    }

    /** The median of {@code rounds} timed runs, in µs, after as many untimed ones. */
    private static double median(int rounds, Operation op) throws Exception {
        for (int i = 0; i < rounds; i++) {
            op.run();
        }
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            op.run();
            micros.add((System.nanoTime() - t) / 1e3);
        }
        return Latencies.percentile(Latencies.sorted(micros), 50);
    }
}
