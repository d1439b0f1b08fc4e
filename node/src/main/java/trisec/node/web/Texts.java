package trisec.node.web;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import trisec.agreement.Agreement;
import trisec.agreement.AgreementStatus;
import trisec.node.release.ReleaseStatus;
import trisec.party.Party;
import trisec.policy.AccessDecision;
import trisec.policy.Reason;

/**
 * Everything a page says, in the viewer's language: strings from the resource bundles, dates in the viewer's
 * locale, and the domain's reasons, statuses and checks, said from their structure (never by translating
 * English). Agreement names are given as each language writes them where the bundle has them.
 */
public final class Texts {
    private final Lang lang;
    private final ResourceBundle bundle;

    Texts(Lang lang) {
        this.lang = lang;
        // No fallback to the JVM's own locale: on a server running in Korean, English readers still get English.
        this.bundle = ResourceBundle.getBundle("trisec.node.web.messages", lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Lang lang() {
        return lang;
    }

    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "⟦" + key + "⟧";
        }
        // Always through MessageFormat, so that a quoted apostrophe ('') comes out as one.
        return new MessageFormat(pattern, lang.locale()).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A date as the viewer's locale writes it (dates are UTC days, DESIGN §2.6). */
    public String date(Instant t) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang.locale())
                .format(t.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    String dateTime(Instant t) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(lang.locale())
                .format(t.atOffset(ZoneOffset.UTC).toLocalDateTime()) + " UTC";
    }

    String agreementName(Agreement a) {
        String key = "agreement." + a.id();
        return has(key) ? t(key) : a.title();
    }

    public String party(Party p) {
        String key = "party." + p.code();
        return has(key) ? t(key) : p.code();
    }

    String partyCode(String code) {
        return Party.isCode(code) ? party(Party.of(code)) : code;
    }

    public String status(AgreementStatus s) {
        return switch (s) {
            case AgreementStatus.NotYetSigned n -> t("agreementStatus.notYetSigned");
            case AgreementStatus.Signed x -> t("agreementStatus.signed", date(x.since()));
            case AgreementStatus.InForce f -> f.terminationEffective().isPresent()
                    ? t("agreementStatus.pending", date(f.terminationEffective().get()))
                    : f.noticeSuspended() ? t("agreementStatus.suspended") : t("agreementStatus.inForce");
            case AgreementStatus.Terminated x -> t("agreementStatus.terminated", date(x.at()));
        };
    }

    String releaseStatus(ReleaseStatus s) {
        return t("releaseStatus." + s.name());
    }

    String releaseStatus(String s) {
        return t("releaseStatus." + s);
    }

    public String check(AccessDecision.Check c) {
        List<String> v = c.values();
        return switch (c.code()) {
            case CLEARANCE -> t(c.passed() ? "access.clearance.ok" : "access.clearance.low", v.get(0), v.get(1));
            case NEED_TO_KNOW -> c.passed() ? t("access.ntk.ok", v.get(1))
                    : t("access.ntk.missing", v.get(0).equals("no topics") ? t("access.ntk.none") : v.get(0), v.get(1));
            case NOFORN -> c.passed() ? t("access.nationality.ok", partyCode(v.get(1)))
                    : t("access.noforn", partyCode(v.get(0)), partyCode(v.get(1)));
            case RELEASABILITY -> c.passed() ? t("access.nationality.ok", partyCode(v.get(0)))
                    : t("access.relto", partyCode(v.get(0)), v.get(1));
        };
    }

    public String reason(Reason r) {
        return switch (r) {
            case Reason.Noforn x -> t("reason.noforn", party(x.originator()), party(x.recipient()));
            case Reason.NotReleasable x -> t("reason.notReleasable", codes(x.releasableTo()), party(x.recipient()));
            case Reason.Unclassified x -> t("reason.unclassified");
            case Reason.NoHolderLevel x -> t("reason.noHolderLevel", party(x.holder()), party(x.level().party()),
                    x.level().name());
            case Reason.Direct x -> t("reason.direct", named(x.sia()), party(x.from().party()), party(x.to().party()),
                    x.topic().path(), x.from().name(), x.to().name());
            case Reason.ViaHub x -> t("reason.viaHub", named(x.arrangement()), party(x.atHub().party()), x.topic().path(),
                    named(x.first()), x.from().name(), x.atHub().name(), named(x.second()), x.to().name());
            case Reason.HubForwarding x -> t(x.carried() ? "reason.hubForwarding.carried" : "reason.hubForwarding.onRecord",
                    party(x.hub()), party(x.originator()));
            case Reason.ConsentRequired x -> t("reason.consentRequired", party(x.holder()), party(x.originator()),
                    party(x.recipient()));
            case Reason.ConsentOnRecord x -> t("reason.consentOnRecord", party(x.originator()), party(x.recipient()));
            case Reason.StandingConsent x -> t("reason.standingConsent", named(x.mechanism()), party(x.originator()),
                    party(x.recipient()), x.topic().path());
            case Reason.RecipientMarking x -> t("reason.recipientMarking", party(x.level().party()), x.level().name(),
                    party(x.originator()));
            case Reason.NoSia x -> t("reason.noSia", party(x.a()), party(x.b()));
            case Reason.NoHub x -> t("reason.noHub", party(x.a()), party(x.b()));
            case Reason.NotInForce x -> t("reason.notInForce", named(x.agreement()), status(x.status()), date(x.at()));
            case Reason.OutsideTopics x -> t("reason.outsideTopics", named(x.agreement()), x.topic().path());
            case Reason.AboveScope x -> t("reason.aboveScope", named(x.agreement()), x.level().name());
            case Reason.NotInTable x -> t("reason.notInTable", named(x.agreement()), x.level().name(), party(x.to()));
            case Reason.NoLegs x -> t("reason.noLegs", named(x.arrangement()), x.level().name(), party(x.from()),
                    party(x.hub()), party(x.to()), date(x.at()));
            case Reason.HubOutage x -> t("reason.hubOutage", named(x.arrangement()), party(x.hub()), date(x.at()));
        };
    }

    /** An agreement in a sentence: its name as this language writes it, with its id. */
    private String named(Agreement a) {
        return agreementName(a) + " (" + a.id() + ")";
    }

    private static String codes(List<Party> parties) {
        return String.join(", ", parties.stream().map(Party::code).toList());
    }
}
