package trisec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trisec.envelope.NodeKeys;
import trisec.interop.LabelBinding;
import trisec.item.Item;
import trisec.item.Seal;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Json;
import trisec.node.base.Peers;
import trisec.node.federation.MessageSignatures;
import trisec.node.interop.BindingJson;
import trisec.node.item.Labels;
import trisec.party.Party;
import trisec.scenario.Scenario;
import trisec.scenario.file.ScenarioFiles;
import trisec.topic.Topic;

/**
 * {@code trisec label bind} and {@code trisec label parse --binding}: a label bound to its content as the NATO JSON
 * binding, written and read back; its digest and the originator's seal checked, and what does not hold named.
 */
class LabelBindingCommandTest {
    private static final Party KOR = Party.of("KOR");
    private static final Party JPN = Party.of("JPN");
    private static final String ID = "5d0c6f0e-3f43-4a8e-8a3e-6d7a0b1f9c21";

    @TempDir
    static Path dir;

    private static Path sealed;
    private static Path korKeys;
    private static Path jpnKeys;
    private static String sealedText;

    @BeforeAll
    static void aSealedItem() {
        Scenario s = ScenarioFiles.shipped();
        NodeKeys kor = NodeKeys.generate(KOR);
        NodeKeys jpn = NodeKeys.generate(JPN);
        var label = new ConfidentialityLabel(KOR, s.scheme(KOR).level("군사Ⅱ급비밀"), List.of(Party.of("USA"), JPN),
                Set.of(), Topic.of("dprk.missile"), Optional.of(Instant.parse("2019-08-22T07:15:30.123456Z")));
        var unsigned = new Item(ID, label, "Launch from Sinpo", "SLBM test, two stages.",
                Seal.unsigned(kor.identity().keyId().value()));
        var item = new Item(ID, label, unsigned.title(), unsigned.body(), new Seal(unsigned.seal().keyId(),
                MessageSignatures.signItem(kor, Labels.data(unsigned))));
        sealedText = new String(BindingJson.write(LabelBinding.of(item)), java.nio.charset.StandardCharsets.UTF_8);
        sealed = Cli.write(dir.resolve("sealed.bdoj"), sealedText);
        korKeys = Cli.write(dir.resolve("kor.json"), Json.write(Peers.export(kor.identity(), Optional.empty(),
                Optional.empty())));
        jpnKeys = Cli.write(dir.resolve("jpn.json"), Json.write(Map.of("peers", List.of(Peers.export(jpn.identity(),
                Optional.empty(), Optional.empty())))));
    }

    private static Path changed(String name, String from, String to) {
        assertThat(sealedText).contains(from);
        return Cli.write(dir.resolve(name), sealedText.replace(from, to));
    }

    @Test
    void aSealedBindingReadsAsItsLabelAndTheOriginatorsSealHolds() {
        var p = Cli.run("label", "parse", "--binding", sealed.toString(), "--keys", korKeys.toString(), "--json").ok()
                .json();

        assertThat(p.get("originator").asText()).isEqualTo("KOR");
        assertThat(p.get("level").asText()).isEqualTo("군사Ⅱ급비밀");
        assertThat(p.get("banner").asText()).isEqualTo("SECRET//REL TO USA, JPN, KOR");
        assertThat(p.get("created").asText()).isEqualTo("2019-08-22T07:15:30.123456Z");
        assertThat(p.get("dataObject").asText()).isEqualTo(ID);
        assertThat(p.get("seal").asText()).startsWith("holds");
    }

    @Test
    void withoutKeysTheSealIsShownButNotChecked() {
        var out = Cli.run("label", "parse", "--binding", sealed.toString()).ok().out();
        assertThat(out).contains("banner: SECRET//REL TO USA, JPN, KOR").contains("not checked");
    }

    @Test
    void aTitleTheOriginatorDidNotSignBreaksTheSeal() {
        Path retitled = changed("retitled.bdoj", "Launch from Sinpo", "Launch from Sohae");
        var r = Cli.run("label", "parse", "--binding", retitled.toString(), "--keys", korKeys.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("DOES NOT HOLD");
        // Another party's key is no key of the originator's.
        Cli.run("label", "parse", "--binding", sealed.toString(), "--keys", jpnKeys.toString()).badInput();
        assertThat(Cli.run("label", "parse", "--binding", sealed.toString(), "--keys", jpnKeys.toString()).errLine())
                .contains("no public key for the originator KOR");
    }

    @Test
    void aBodyOtherThanTheBoundOneIsRefusedByItsDigest() {
        Path swapped = changed("swapped.bdoj", "SLBM test, two stages.", "SLBM test, three stages.");
        assertThat(Cli.run("label", "parse", "--binding", swapped.toString()).badInput().errLine())
                .contains("digest does not match");
    }

    @Test
    void aLabelTheOriginatorDidNotSignBreaksTheSeal() {
        Path relabelled = changed("relabelled.bdoj", "군사Ⅱ급비밀", "군사Ⅲ급비밀");
        var r = Cli.run("label", "parse", "--binding", relabelled.toString(), "--keys", korKeys.toString(), "--json");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.json().get("level").asText()).isEqualTo("군사Ⅲ급비밀");
        assertThat(r.json().get("seal").asText()).startsWith("DOES NOT HOLD");
    }

    @Test
    void bindWritesAnUnsignedBindingThatParseReadsBack() {
        String xml = Cli.run("label", "render", "--originator", "JPN", "--level", "極秘", "--topic", "china.maritime",
                "--rel-to", "USA", "--caveat", "ORCON", "--created", "2024-05-01T00:00:00Z", "--json").ok().json()
                .get("stanag4774").asText();
        Path label = Cli.write(dir.resolve("label.xml"), xml);
        Path body = Cli.write(dir.resolve("note.txt"), "東シナ海の状況。");

        var bound = Cli.run("label", "bind", "--xml", label.toString(), "--body", body.toString(), "--title",
                "Maritime note", "--id", ID).ok();
        Path file = Cli.write(dir.resolve("bound.bdoj"), bound.out());
        assertThat(bound.json().at("/bindingInformation/profile").asText()).isEqualTo(BindingJson.PROFILE);
        assertThat(bound.json().at("/bindingInformation/originatorSeal").isMissingNode()).isTrue();
        assertThat(bound.json().at("/bindingInformation/metadataBindings/0/dataReferences/0/uri").asText())
                .isEqualTo("urn:uuid:" + ID);

        var p = Cli.run("label", "parse", "--binding", file.toString(), "--json").ok().json();
        assertThat(p.get("banner").asText()).isEqualTo("SECRET//ORCON/REL TO USA, JPN");
        assertThat(p.get("title").asText()).isEqualTo("Maritime note");
        assertThat(p.get("seal").asText()).startsWith("none");
        // Asked to check a seal it does not carry, it says so.
        assertThat(Cli.run("label", "parse", "--binding", file.toString(), "--keys", korKeys.toString()).badInput()
                .errLine()).contains("no seal");
        // The same label, content and id bind to the same document.
        assertThat(Cli.run("label", "bind", "--xml", label.toString(), "--body", body.toString(), "--title",
                "Maritime note", "--id", ID).ok().out()).isEqualTo(bound.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Path notJson = Cli.write(dir.resolve("not.bdoj"), "<binding/>");
        assertThat(Cli.run("label", "parse", "--binding", notJson.toString()).badInput().errLine())
                .contains("not a binding data object");
        Path profile = changed("profile.bdoj", BindingJson.PROFILE, "urn:example:other");
        assertThat(Cli.run("label", "parse", "--binding", profile.toString()).badInput().errLine()).contains("profile");
        Path reference = changed("reference.bdoj", "urn:uuid:" + ID, "urn:uuid:00000000-0000-4000-8000-000000000000");
        assertThat(Cli.run("label", "parse", "--binding", reference.toString()).badInput().errLine())
                .contains("does not name the data object");
        assertThat(Cli.run("label", "parse", "SECRET", "--keys", korKeys.toString()).badInput().errLine())
                .contains("--binding");
        assertThat(Cli.run("label", "parse", "--binding", dir.resolve("missing.bdoj").toString()).badInput()
                .errLine()).contains("cannot read");
        Path xml = Cli.write(dir.resolve("l.xml"), Cli.run("label", "render", "--originator", "USA", "--level",
                "SECRET", "--topic", "dprk", "--json").ok().json().get("stanag4774").asText());
        assertThat(Cli.run("label", "bind", "--xml", xml.toString(), "--body", xml.toString(), "--id", "nope")
                .badInput().errLine()).contains("not a UUID");
        assertThat(Cli.run("label", "bind", "--xml", notJson.toString(), "--body", xml.toString()).badInput()
                .errLine()).contains("4774");
    }
}
