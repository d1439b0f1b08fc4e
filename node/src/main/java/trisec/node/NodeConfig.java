package trisec.node;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import trisec.DomainException;
import trisec.node.base.Peers;
import trisec.party.Party;
import trisec.scenario.Scenario;

/**
 * How to run a node; made by {@link #builder}, changed by {@link #toBuilder}.
 *
 * @param jdbcUrl   a PostgreSQL URL; empty for the embedded (SQLite) store in {@code dataDir}
 * @param asOf      run the clock from this instant (exercises, replays of history); empty for real time
 * @param deliver   run the delivery worker (tests turn it off to hold envelopes in the outbox)
 * @param witness   poll and cosign the partners' logs (tests drive it by hand)
 * @param secureCookies session cookies marked {@code Secure} even over plain HTTP (behind a TLS proxy)
 */
public record NodeConfig(Party party, String host, int port, Path dataDir, Optional<String> jdbcUrl, Peers peers,
                         Optional<Instant> asOf, Scenario scenario, Duration tokenLifetime, boolean deliver,
                         boolean witness, boolean secureCookies) {
    public NodeConfig {
        if (!scenario.has(party)) {
            throw new DomainException("the scenario has no party " + party);
        }
        if (port < 0 || port > 65535) {
            throw new DomainException("a port is between 0 and 65535");
        }
    }

    /**
     * A node of {@code party} keeping its store and keys in {@code dataDir}: on 127.0.0.1 and a free port, the
     * embedded store, no partners, real time, eight-hour tokens, delivering and witnessing.
     */
    public static Builder builder(Party party, Path dataDir, Scenario scenario) {
        return new Builder(party, dataDir, scenario);
    }

    public Builder toBuilder() {
        return new Builder(party, dataDir, scenario).host(host).port(port).database(jdbcUrl).peers(peers)
                .asOf(asOf).tokenLifetime(tokenLifetime).deliver(deliver).witness(witness)
                .secureCookies(secureCookies);
    }

    public static final class Builder {
        private final Party party;
        private final Path dataDir;
        private Scenario scenario;
        private String host = "127.0.0.1";
        private int port;
        private Optional<String> jdbcUrl = Optional.empty();
        private Peers peers = Peers.none();
        private Optional<Instant> asOf = Optional.empty();
        private Duration tokenLifetime = Duration.ofHours(8);
        private boolean deliver = true;
        private boolean witness = true;
        private boolean secureCookies;

        private Builder(Party party, Path dataDir, Scenario scenario) {
            this.party = party;
            this.dataDir = dataDir;
            this.scenario = scenario;
        }

        /** The party whose node this is (for callers deciding what to change for which node). */
        public Party party() {
            return party;
        }

        public Builder host(String h) {
            this.host = h;
            return this;
        }

        /** 0 for any free port. */
        public Builder port(int p) {
            this.port = p;
            return this;
        }

        public Builder database(Optional<String> url) {
            this.jdbcUrl = url;
            return this;
        }

        public Builder peers(Peers p) {
            this.peers = p;
            return this;
        }

        public Builder asOf(Optional<Instant> t) {
            this.asOf = t;
            return this;
        }

        public Builder scenario(Scenario s) {
            this.scenario = s;
            return this;
        }

        public Builder tokenLifetime(Duration d) {
            this.tokenLifetime = d;
            return this;
        }

        public Builder deliver(boolean on) {
            this.deliver = on;
            return this;
        }

        public Builder witness(boolean on) {
            this.witness = on;
            return this;
        }

        public Builder secureCookies(boolean on) {
            this.secureCookies = on;
            return this;
        }

        public NodeConfig build() {
            return new NodeConfig(party, host, port, dataDir, jdbcUrl, peers, asOf, scenario, tokenLifetime, deliver,
                    witness, secureCookies);
        }
    }
}
