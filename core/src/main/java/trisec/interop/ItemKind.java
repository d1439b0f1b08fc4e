package trisec.interop;

import java.util.List;

/**
 * What an item is, as far as interchange cares, and the STIX 2.1 object that carries it. Plain items and missile
 * warnings are intelligence a consumer acts on: a {@code report}, whose {@code report_types} say which (a warning is
 * a sensor's observation of a launch: {@code observed-data} in the report-type vocabulary; the
 * {@code observed-data} object itself needs cyber observables, which a launch is not). Records of the consultation
 * mechanism, perspectives and options are analysis and context: a {@code note}.
 */
public enum ItemKind {
    ITEM("report", List.of("threat-report")),
    WARNING("report", List.of("observed-data")),
    MEETING_RECORD("note", List.of()),
    MEETING_ANNEX("note", List.of()),
    MEETING_REPORT("note", List.of()),
    PERSPECTIVE("note", List.of()),
    OPTION("note", List.of());

    private final String stixType;
    private final List<String> reportTypes;

    ItemKind(String stixType, List<String> reportTypes) {
        this.stixType = stixType;
        this.reportTypes = reportTypes;
    }

    /** {@code report} or {@code note}. */
    public String stixType() {
        return stixType;
    }

    /** A report's {@code report_types} (open vocabulary report-type-ov); empty for a note. */
    public List<String> reportTypes() {
        return reportTypes;
    }
}
