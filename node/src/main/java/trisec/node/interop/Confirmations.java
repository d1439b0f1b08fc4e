package trisec.node.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import trisec.envelope.Canonical;
import trisec.envelope.Signatures;
import trisec.label.ConfidentialityLabel;
import trisec.node.base.Json;
import trisec.node.base.Peer;
import trisec.node.base.PeerClient;
import trisec.node.base.Refusal;
import trisec.node.base.Self;
import trisec.node.federation.Incoming;
import trisec.node.item.ConfirmedCopies;
import trisec.node.item.Holders;
import trisec.node.item.Holdings;
import trisec.node.item.ItemRow;
import trisec.node.item.Items;
import trisec.node.log.AuditEntry;
import trisec.node.log.AuditLog;
import trisec.node.release.AuthorityDesk;
import trisec.party.Party;
import trisec.policy.ReleaseDecision;
import trisec.policy.ReleaseRequest;
import trisec.policy.Verdict;

/**
 * The originator's word on the copies of its items that a partner imports from a STIX bundle (docs/INTEROP.md,
 * "STIX import"). The seal shows that a label and content are the originator's, not that they are still current, nor
 * that the originator would release them there now; so before it stores a partner's item, the importing node asks
 * the originator's node ({@link #ask}), by a request signed with its node key, and the originator answers each item
 * under its own node key ({@link #answer}). A copy it confirms is on record there as held by the importer, so its
 * later retraction and reclassification reach it as they reach a release's recipient.
 */
public final class Confirmations {
    /** The partner-only route the originator answers on, by a signed request ({@code NodeAuth}). */
    public static final String PATH = "/federation/v1/copies";
    /** What the originator's signature over one answer is for. */
    static final String PURPOSE = "trisec copy confirmation v1";

    public static final String CONFIRMED = "confirmed";
    public static final String SUPERSEDED = "superseded";
    public static final String RETRACTED = "retracted";
    public static final String UNKNOWN = "unknown";
    public static final String REFUSED = "refused";
    private static final Set<String> VERDICTS = Set.of(CONFIRMED, SUPERSEDED, RETRACTED, UNKNOWN, REFUSED);

    /** The most items one request may ask about: a bundle's objects. */
    public static final int MAX_ITEMS = Imports.MAX_OBJECTS;
    /** A seal is an ML-DSA-87 signature in base64 (about 6,200 characters); anything far longer is no seal. */
    private static final int MAX_SEAL = 16_384;
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    /** One item asked about: its id and the seal the bundle presented, as the bundle gave it (base64). */
    public record Asked(String item, String seal) {}

    /** What the importer sends: a fresh nonce, which every answer signs, and the items. */
    public record Request(String nonce, List<Asked> items) {}

    /**
     * The originator's answer on one item: the item, the SHA-256 (base64) of the seal presented, the verdict, its
     * reasons, when, and the originator's node signature over all of them with the requester and the nonce.
     */
    public record Answer(String item, String seal, String verdict, List<String> reasons, String at, String signature) {}

    public record Answers(List<Answer> answers) {}

    private final Self self;
    private final Holdings holdings;
    private final PeerClient client;
    private final Predicate<String> keptHome;
    private final Holders holders;
    private final AuthorityDesk authorities;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keptHome    whether an item of this node leaves it only by a release a person asks for (an option)
     * @param holders     who this node has let the item reach: its releases, and the parties its consents allow
     * @param authorities the standing authorities under which it releases without a second person's approval
     */
    public Confirmations(Self self, Holdings holdings, PeerClient client, Predicate<String> keptHome, Holders holders,
                         AuthorityDesk authorities) {
        this.self = self;
        this.holdings = holdings;
        this.client = client;
        this.keptHome = keptHome;
        this.holders = holders;
        this.authorities = authorities;
    }

    // ---- the originator's side ----------------------------------------------------------------------------------

    /**
     * The answer on each item the partner asks about, in the order asked. Confirming records the partner as the
     * holder of the item, with a {@code COPY_CONFIRMED} audit entry, in one transaction with the other answers.
     *
     * @throws Refusal a 400 for a malformed request: nothing is recorded
     */
    public Answers answer(Party requester, Request request) {
        if (request == null || request.nonce() == null || !NONCE.matcher(request.nonce()).matches()) {
            throw Refusal.invalid("nonce is 16 to 128 base64url characters");
        }
        if (request.items() == null || request.items().isEmpty() || request.items().size() > MAX_ITEMS) {
            throw Refusal.invalid("items is a list of 1 to " + MAX_ITEMS + " items");
        }
        for (Asked a : request.items()) {
            if (a == null || !Incoming.isUuid(a.item()) || a.seal() == null || a.seal().isEmpty()
                    || a.seal().length() > MAX_SEAL) {
                throw Refusal.invalid("each item is {\"item\": its id (a UUID), \"seal\": the seal presented}");
            }
        }
        // Read before the transaction: a feature's own record of which items are options.
        Set<String> options = new HashSet<>();
        request.items().stream().map(Asked::item).distinct().filter(keptHome).forEach(options::add);
        Instant now = self.clock().instant();
        // Decided in the order of the items' ids, whatever the order asked: two requests recording the same holders
        // lock their rows in one order, and wait for each other rather than deadlock.
        List<Integer> byId = java.util.stream.IntStream.range(0, request.items().size()).boxed()
                .sorted(java.util.Comparator.comparing(i -> request.items().get(i).item())).toList();
        List<Verdicts> verdicts = self.store().inTransaction(h -> {
            var out = new ArrayList<Verdicts>(java.util.Collections.nCopies(request.items().size(), (Verdicts) null));
            for (int i : byId) {
                Asked a = request.items().get(i);
                out.set(i, decide(h, requester, a, options.contains(a.item()), now));
            }
            return out;
        });
        // Signed once committed: an answer never confirms what the store does not hold.
        var answers = new ArrayList<Answer>();
        for (int i = 0; i < verdicts.size(); i++) {
            answers.add(signed(requester, request.nonce(), request.items().get(i), verdicts.get(i), now));
        }
        return new Answers(List.copyOf(answers));
    }

    private record Verdicts(String verdict, List<String> reasons) {}

    /**
     * The verdict on one item. The originator tells how its item stands (retracted, reclassified) only to a party it
     * would release the item to now; any other party learns only that it would not, and the reasons only when it
     * presented the current seal, since the reasons speak of the current label.
     */
    private Verdicts decide(Handle h, Party requester, Asked a, boolean option, Instant now) {
        Party me = self.party();
        Optional<ItemRow> row = Items.byId(h, a.item());
        // An option never leaves this node but by a release a person asks for: to a partner it is as no item, so
        // nothing of it (retracted, releasable) is told.
        if (row.isEmpty() || !row.get().originator().equals(me.code()) || option) {
            return new Verdicts(UNKNOWN, List.of(me + " holds no item of its own with this id"));
        }
        ItemRow item = row.get();
        boolean current = item.originSignature().equals(a.seal());
        ConfidentialityLabel label = holdings.held(item).item().label();
        ReleaseDecision d = self.facts().policy().decide(ReleaseRequest.fromOriginator(label, requester, now));
        if (d.verdict() != Verdict.PERMIT || d.route().size() != 2) {
            if (!current) {
                return new Verdicts(REFUSED, List.of(me + " would not release this item to " + requester + " now"));
            }
            return new Verdicts(REFUSED, d.verdict() != Verdict.PERMIT ? d.reasonTexts()
                    : List.of("the release policy releases it to " + requester + " only through " + d.route().get(1)
                            + " (" + String.join(", ", d.basis()) + "), not directly"));
        }
        // The policy permitting is not enough: the export in the bundle was no release. The copy is confirmed only
        // where this node has already let the item go to the requester (two-person approval, a standing authority,
        // or its consent to a holder passing it on, DESIGN §2.4, §5.1); otherwise the import would be a release
        // nobody approved, or a holder's passing-on the originator never consented to.
        Optional<String> basis = basis(h, item.id(), label, requester, now);
        if (basis.isEmpty()) {
            return new Verdicts(REFUSED, List.of(me + " has not let this item go to " + requester + ": no release of "
                    + "it to " + requester + " is on record, no consent to pass it on to " + requester + ", and no "
                    + "standing authority covers it; a release from " + me + " takes it there"));
        }
        if (item.retracted()) {
            return new Verdicts(RETRACTED, List.of(me + " has retracted this item"));
        }
        if (!current) {
            return new Verdicts(SUPERSEDED, List.of(me + " has reclassified this item since that export, so its "
                    + "seal is no longer the item's; import its current export"));
        }
        if (ConfirmedCopies.record(h, item.id(), requester, now)) {
            AuditLog.append(h, AuditEntry.of(AuditEntry.Type.COPY_CONFIRMED, now, requester.code())
                    .with("item", item.id()).with("party", requester.code()).with("level", label.level().name())
                    .with("recipientLevel", d.recipientLevel().map(l -> l.name()).orElse(null))
                    .with("basis", basis.get()));
        }
        return new Verdicts(CONFIRMED, List.of());
    }

    /**
     * What lets the item be at the requester, as this node's own record says: a release of it to the requester (in
     * flight or delivered, or a copy confirmed before), a consent to a holder passing it on to the requester, or a
     * standing authority that would release it there now.
     */
    private Optional<String> basis(Handle h, String itemId, ConfidentialityLabel label, Party requester, Instant now) {
        if (holders.routes(h, itemId).anyMatch(route -> route.getLast().equals(requester))) {
            return Optional.of("release");
        }
        if (holders.allowedOnward(h, itemId).anyMatch(requester::equals)) {
            return Optional.of("consent");
        }
        return authorities.covering(h, label, requester, now).map(id -> "authority " + id);
    }

    private Answer signed(Party requester, String nonce, Asked a, Verdicts v, Instant now) {
        String digest = digest(a.seal());
        byte[] sig = Signatures.sign(self.keys(), PURPOSE, message(requester, nonce, a.item(), digest, v.verdict(),
                v.reasons(), now.toString()));
        return new Answer(a.item(), digest, v.verdict(), v.reasons(), now.toString(),
                Base64.getEncoder().encodeToString(sig));
    }

    /** What the originator signs: every field of the answer, the party it answers and the nonce it was asked with. */
    static byte[] message(Party requester, String nonce, String item, String sealDigest, String verdict,
                          List<String> reasons, String at) {
        var c = new Canonical().add(requester.code()).add(nonce).add(item).add(sealDigest).add(verdict)
                .add(reasons.size());
        reasons.forEach(c::add);
        return c.add(at).bytes();
    }

    /** The SHA-256 (base64) of a seal as presented: what an answer names it by. */
    static String digest(String seal) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(seal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the importer's side ------------------------------------------------------------------------------------

    /** The most items one request to the originator carries: each is decided and signed while the request waits. */
    static final int PER_REQUEST = 100;

    /**
     * Asks the originator's node about the items, in signed requests of at most {@value #PER_REQUEST} items (an
     * originator signs each answer while the request waits, and the peer client waits five seconds): for each item id,
     * empty when the originator confirmed the copy, else why it is not taken. When the originator's node cannot be
     * reached or its answer is not its own, every item of that request has that reason: nothing is taken unconfirmed.
     */
    public Map<String, Optional<String>> ask(Party originator, List<Asked> items) {
        var out = new LinkedHashMap<String, Optional<String>>();
        for (int from = 0; from < items.size(); from += PER_REQUEST) {
            out.putAll(askOnce(originator, items.subList(from, Math.min(items.size(), from + PER_REQUEST))));
        }
        return out;
    }

    private Map<String, Optional<String>> askOnce(Party originator, List<Asked> items) {
        var out = new LinkedHashMap<String, Optional<String>>();
        Optional<Peer> peer = self.peers().of(originator);
        if (peer.isEmpty()) {
            return unconfirmed(out, items, originator, originator + " is not a partner of this node");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(new Request(nonce, items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Optional<PeerClient.Answer> reply = client.post(peer.get(), PATH, body);
        if (reply.isEmpty()) {
            // PeerClient takes an answer not signed by the partner for this very request as none.
            return unconfirmed(out, items, originator, "it could not be reached, or what answered did not sign its "
                    + "answer with " + originator + "'s node key");
        }
        if (reply.get().status() != 200) {
            return unconfirmed(out, items, originator, "it answered with status " + reply.get().status());
        }
        Answers answers;
        try {
            answers = Json.MAPPER.readValue(reply.get().body(), Answers.class);
        } catch (JsonProcessingException e) {
            return unconfirmed(out, items, originator, "its answer is not one this node reads");
        }
        if (answers.answers() == null || answers.answers().size() != items.size()) {
            return unconfirmed(out, items, originator, "its answer does not answer every item asked");
        }
        for (int i = 0; i < items.size(); i++) {
            Asked a = items.get(i);
            Answer answer = answers.answers().get(i);
            Optional<String> why = checked(originator, peer.get(), nonce, a, answer);
            out.putIfAbsent(a.item(), why.isPresent() ? Optional.of(couldNot(originator, why.get()))
                    : verdict(originator, answer));
        }
        return out;
    }

    /** Why the answer on one item is not the originator's answer to this request, if it is not. */
    private Optional<String> checked(Party originator, Peer peer, String nonce, Asked a, Answer answer) {
        if (answer == null || !a.item().equals(answer.item()) || !digest(a.seal()).equals(answer.seal())
                || answer.verdict() == null || !VERDICTS.contains(answer.verdict()) || answer.at() == null
                || answer.reasons() == null || answer.reasons().stream().anyMatch(r -> r == null)
                || answer.signature() == null) {
            return Optional.of("its answer is not about this item and seal, or is incomplete");
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(answer.signature());
        } catch (IllegalArgumentException e) {
            sig = new byte[0];
        }
        if (!Signatures.verify(peer.identity(), PURPOSE, message(self.party(), nonce, answer.item(), answer.seal(),
                answer.verdict(), answer.reasons(), answer.at()), sig)) {
            return Optional.of("its answer is not signed by " + originator + "'s node key");
        }
        return Optional.empty();
    }

    /** Empty for a confirmation; else the originator's answer as a reason for refusing the copy. */
    private Optional<String> verdict(Party originator, Answer a) {
        String why = a.reasons().isEmpty() ? "" : ": " + String.join("; ", a.reasons());
        return switch (a.verdict()) {
            case CONFIRMED -> Optional.empty();
            case SUPERSEDED -> Optional.of("the originator " + originator + " answers superseded: the label or the "
                    + "seal has changed since this export" + why);
            case RETRACTED -> Optional.of("the originator " + originator + " answers retracted" + why);
            case UNKNOWN -> Optional.of("the originator " + originator + " answers unknown" + why);
            default -> Optional.of("the originator " + originator + " answers refused: it would not release this "
                    + "item to " + self.party() + " now" + why);
        };
    }

    private static String couldNot(Party originator, String why) {
        return "the originator's node " + originator + " could not confirm this copy (" + why + "); try again later";
    }

    private static Map<String, Optional<String>> unconfirmed(Map<String, Optional<String>> out, List<Asked> items,
                                                             Party originator, String why) {
        items.forEach(a -> out.putIfAbsent(a.item(), Optional.of(couldNot(originator, why))));
        return out;
    }
}
