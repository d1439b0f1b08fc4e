package trisec.geo.map;

import java.util.Locale;
import java.util.Map;
import trisec.party.Party;

/**
 * Every word the map writes, in the viewer's language: Korean, Japanese or English (any other language reads
 * English). Sea names follow the viewer, as each government writes them: the sea between Korea and Japan is 동해 in
 * Korean, 日本海 in Japanese, and "East Sea / Sea of Japan" in English, both names side by side.
 */
enum MapText {
    KO("ko"), JA("ja"), EN("en");

    /** A named sea or ocean. */
    enum Sea { EAST_SEA, YELLOW_SEA, EAST_CHINA_SEA, PACIFIC, OKHOTSK, PHILIPPINE_SEA }

    private final String tag;

    MapText(String tag) {
        this.tag = tag;
    }

    static MapText of(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ko" -> KO;
            case "ja" -> JA;
            default -> EN;
        };
    }

    /** The BCP 47 tag for the SVG's {@code lang}. */
    String tag() {
        return tag;
    }

    String title() {
        return pick("미사일 경보 지도", "ミサイル警報地図", "Missile warning map");
    }

    String sea(Sea sea) {
        return switch (sea) {
            case EAST_SEA -> pick("동해", "日本海", "East Sea / Sea of Japan");
            case YELLOW_SEA -> pick("황해", "黄海", "Yellow Sea");
            case EAST_CHINA_SEA -> pick("동중국해", "東シナ海", "East China Sea");
            case PACIFIC -> pick("태평양", "太平洋", "Pacific Ocean");
            case OKHOTSK -> pick("오호츠크해", "オホーツク海", "Sea of Okhotsk");
            case PHILIPPINE_SEA -> pick("필리핀해", "フィリピン海", "Philippine Sea");
        };
    }

    private static final Map<String, String[]> PARTIES = Map.of(
            "KOR", new String[] {"한국", "韓国", "Korea"},
            "JPN", new String[] {"일본", "日本", "Japan"},
            "USA", new String[] {"미국", "米国", "United States"},
            "PRK", new String[] {"북한", "北朝鮮", "North Korea"},
            "CHN", new String[] {"중국", "中国", "China"},
            "RUS", new String[] {"러시아", "ロシア", "Russia"},
            "TWN", new String[] {"대만", "台湾", "Taiwan"},
            "MNG", new String[] {"몽골", "モンゴル", "Mongolia"},
            "PHL", new String[] {"필리핀", "フィリピン", "Philippines"});

    /** A party's name; its code when the map has no name for it. */
    String party(Party party) {
        String[] names = PARTIES.get(party.code());
        return names == null ? party.code() : names[ordinal()];
    }

    /** The label on Guam, where the map shows the United States' territory in the region. */
    String guam() {
        return pick("괌 (미국)", "グアム（米国）", "Guam (U.S.)");
    }

    String tracking() {
        return pick("추적 중", "追尾中", "tracking");
    }

    String splashdown() {
        return pick("낙하", "落下", "splashdown");
    }

    String trackLost() {
        return pick("추적 상실", "追尾喪失", "track lost");
    }

    String unknownType() {
        return pick("기종 미상", "種類不明", "type unknown");
    }

    String launchPoint() {
        return pick("발사 지점", "発射地点", "launch point");
    }

    String predictedImpact() {
        return pick("예상 낙하 지점·오차 타원", "予測落下地点・誤差楕円", "predicted impact, error ellipse");
    }

    String splashdownPoint() {
        return pick("낙하 지점", "落下地点", "splashdown point");
    }

    /** Time since launch: T+5 min, T+5 min 30 s. */
    String tPlus(long seconds) {
        long m = seconds / 60;
        long s = seconds % 60;
        if (s == 0) {
            return pick("T+" + m + "분", "T+" + m + "分", "T+" + m + " min");
        }
        return pick("T+" + m + "분 " + s + "초", "T+" + m + "分" + s + "秒", "T+" + m + " min " + s + " s");
    }

    String noWarning() {
        return pick("표시할 경보 없음", "表示する警報なし", "No warning to show");
    }

    /** One warning, for the map's description. */
    String summary(String party, String track, String type, String launch, String detectedUtc, String impact,
                   String ellipse, String range, String apogee, String minutes, String overflown, String status) {
        return switch (this) {
            case KO -> party + " 경보 " + track + ": " + type + ", 발사 지점 " + launch + ", 탐지 " + detectedUtc
                    + " UTC; 예상 낙하 지점 " + impact + " (오차 타원 " + ellipse + " km), 사거리 " + range
                    + " km, 정점 고도 " + apogee + " km, 비행 시간 " + minutes + "분; 상공 통과: " + overflown + "; "
                    + status + ".";
            case JA -> party + "の警報 " + track + "：" + type + "、発射地点 " + launch + "、探知 " + detectedUtc
                    + " UTC。予測落下地点 " + impact + "（誤差楕円 " + ellipse + " km）、飛翔距離 " + range
                    + " km、最高高度 " + apogee + " km、飛翔時間 " + minutes + "分。上空通過：" + overflown + "。"
                    + status + "。";
            case EN -> party + " warning " + track + ": " + type + ", launched from " + launch + ", detected "
                    + detectedUtc + " UTC; predicted impact " + impact + " (error ellipse " + ellipse
                    + " km), range " + range + " km, apogee " + apogee + " km, flight time " + minutes
                    + " min; overflies " + overflown + "; " + status + ".";
        };
    }

    String none() {
        return pick("없음", "なし", "none");
    }

    /** The separator between names in a list. */
    String listSeparator() {
        return pick(", ", "、", ", ");
    }

    private String pick(String ko, String ja, String en) {
        return switch (this) {
            case KO -> ko;
            case JA -> ja;
            case EN -> en;
        };
    }
}
