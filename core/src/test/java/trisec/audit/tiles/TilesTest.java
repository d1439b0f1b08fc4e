package trisec.audit.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import trisec.audit.tiles.Tiles.TilePath;

class TilesTest {
    @Test
    void anIndexIsWrittenInGroupsOfThreeDigitsAllButTheLastPrefixedWithX() {
        // c2sp.org/tlog-tiles: "index 1234067 will be encoded as x001/x234/067".
        assertThat(Tiles.path(0, 1_234_067, 256)).isEqualTo("tile/0/x001/x234/067");
        assertThat(Tiles.path(0, 0, 256)).isEqualTo("tile/0/000");
        assertThat(Tiles.path(0, 5, 256)).isEqualTo("tile/0/005");
        assertThat(Tiles.path(0, 999, 256)).isEqualTo("tile/0/999");
        assertThat(Tiles.path(1, 1000, 256)).isEqualTo("tile/1/x001/000");
        assertThat(Tiles.path(63, Long.MAX_VALUE, 256)).isEqualTo("tile/63/x009/x223/x372/x036/x854/x775/807");
    }

    @Test
    void onlyAPartialTileHasAWidthSuffix() {
        // The C2SP example tree of 70,000 leaves: level-0 tile 273 of width 112, level-1 tile 1 of width 17.
        assertThat(Tiles.path(0, 273, 112)).isEqualTo("tile/0/273.p/112");
        assertThat(Tiles.path(1, 1, 17)).isEqualTo("tile/1/001.p/17");
        assertThat(Tiles.path(2, 0, 1)).isEqualTo("tile/2/000.p/1");
        assertThat(Tiles.path(0, 1_234_067, 89)).isEqualTo("tile/0/x001/x234/067.p/89");
        assertThat(Tiles.entriesPath(273, 112)).isEqualTo("tile/entries/273.p/112");
        assertThat(Tiles.entriesPath(1_000_000, 256)).isEqualTo("tile/entries/x001/x000/000");
    }

    @Test
    void pathsOutsideTheSpecCannotBeMade() {
        assertThatThrownBy(() -> Tiles.path(64, 0, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tiles.path(-1, 0, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tiles.path(0, -1, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tiles.path(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tiles.path(0, 0, 257)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tiles.entriesPath(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsingReadsLevelIndexAndWidth() {
        assertThat(Tiles.parse("tile/0/x001/x234/067")).isEqualTo(new TilePath(false, 0, 1_234_067, 256));
        assertThat(Tiles.parse("tile/0/x001/x234/067.p/89")).isEqualTo(new TilePath(false, 0, 1_234_067, 89));
        assertThat(Tiles.parse("tile/0/001")).isEqualTo(new TilePath(false, 0, 1, 256));
        // golang.org/x/mod/sumdb/tlog and transparency-dev parse tests: the largest index a 6-group path holds.
        assertThat(Tiles.parse("tile/63/x999/x999/x999/x999/x999/999.p/255"))
                .isEqualTo(new TilePath(false, 63, 999_999_999_999_999_999L, 255));
        assertThat(Tiles.parse("tile/entries/273.p/112")).isEqualTo(new TilePath(true, 0, 273, 112));
        assertThat(Tiles.parse("tile/entries/x001/x000/000")).isEqualTo(new TilePath(true, 0, 1_000_000, 256));
        assertThat(Tiles.parse("tile/2/000.p/1").partial()).isTrue();
        assertThat(Tiles.parse("tile/2/000").partial()).isFalse();
    }

    @Test
    void everyPathParsesBackToTheTileItNames() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            boolean entries = random.nextInt(4) == 0;
            int level = entries ? 0 : random.nextInt(64);
            long index = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(1000);
                case 1 -> random.nextLong(1_000_000_000L);
                default -> random.nextLong(Long.MAX_VALUE);
            };
            int width = random.nextBoolean() ? 256 : 1 + random.nextInt(256);
            TilePath tile = new TilePath(entries, level, index, width);
            String path = tile.path();
            assertThat(Tiles.parse(path)).as(path).isEqualTo(tile);
            assertThat(path).isEqualTo(entries ? Tiles.entriesPath(index, width) : Tiles.path(level, index, width));
        }
    }

    @Test
    void nonCanonicalPathsAreRefused() {
        List<String> refused = List.of(
                "", "tile", "tile/", "tile/0", "tile/0/", "/tile/0/000", "tiles/0/000", "tile//000",
                "tile/00/000", "tile/01/000", "tile/64/000", "tile/-1/000", "tile/+1/000", "tile/x/000", "tile/100/000",
                "tile/0/67", "tile/0/0067", "tile/0/x067", "tile/0/x000/067", "tile/0/001/234/067",
                "tile/0/x001/x234/x067", "tile/0/X001/067", "tile/0/x001//067", "tile/0/x01/067", "tile/0/x0001/067",
                "tile/0/000/", "tile/0/+12", "tile/0/1e2", "tile/0/ab1",
                "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/007", "tile/0/000.p/", "tile/0/000.p",
                "tile/0/000.p/1/", "tile/0/000.p/-1", "tile/0/000.p/+5", "tile/0/.p/5", "tile/0/000.q/5",
                "tile/0/x001.p/5/067", "tile/entries", "tile/entries/", "tile/entries/5", "tile/entries/000.p/0",
                "tile/entries/000.p/256", "tile/Entries/000",
                "tile/0/x009/x223/x372/x036/x854/x775/808", "tile/0/x999/x999/x999/x999/x999/x999/999");
        for (String path : refused) {
            assertThatThrownBy(() -> Tiles.parse(path)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Tiles.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
