package trisec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import trisec.DomainException;
import trisec.Fixtures;
import trisec.audit.note.Checkpoint;
import trisec.audit.note.SignedNote;
import trisec.label.Banner;
import trisec.label.ConfidentialityLabel;
import trisec.label.Stanag4774;
import trisec.party.ClassificationScheme;
import trisec.party.Party;

/**
 * The core's parsers that users and partners reach: banners, STANAG 4774 XML labels, C2SP signed notes and
 * checkpoints. Any input is either read — and what was read writes back to something that reads the same — or
 * refused with the parser's own exception, never another. One fuzz target picks the parser from its first byte:
 * Jazzer fuzzes one target per JVM, and this way one bounded run covers all three.
 */
class ParsersFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anyInputIsReadOrRefused(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> banner(data.consumeRemainingAsString());
            case 1 -> stanag4774(data.consumeRemainingAsString());
            default -> note(data.consumeRemainingAsBytes());
        }
    }

    private static void banner(String text) {
        Banner b;
        try {
            b = Banner.parse(text);
        } catch (DomainException refused) {
            return;
        }
        if (!Banner.parse(b.toString()).equals(b)) {
            throw new AssertionError("a banner does not read back: " + text);
        }
    }

    private static Optional<ClassificationScheme> schemes(Party p) {
        return Fixtures.scenario().findScheme(p);
    }

    private static void stanag4774(String xml) {
        ConfidentialityLabel label;
        try {
            label = Stanag4774.parse(xml, ParsersFuzzTest::schemes);
        } catch (DomainException refused) {
            return;
        }
        ConfidentialityLabel dated = label.withCreated(label.created().orElse(Instant.EPOCH));
        if (!Stanag4774.parse(Stanag4774.toXml(label, Instant.EPOCH), ParsersFuzzTest::schemes).equals(dated)) {
            throw new AssertionError("a label does not read back: " + xml);
        }
    }

    private static void note(byte[] bytes) {
        SignedNote note;
        try {
            note = SignedNote.parse(bytes);
        } catch (IllegalArgumentException refused) {
            return;
        }
        if (!Arrays.equals(note.format().getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes)) {
            throw new AssertionError("a note does not format back to its bytes");
        }
        Checkpoint cp;
        try {
            cp = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException notACheckpoint) {
            return;
        }
        if (!Checkpoint.parse(cp.text()).equals(cp)) {
            throw new AssertionError("a checkpoint does not read back");
        }
    }
}
