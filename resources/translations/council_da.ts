<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The council's documents (issue 19, items 8-12): the print map's candidate key and
     notices, the ledger's statuses, the Excel table's notes and the firefighter's conflict
     tag. Contexts "analysis", "export" and "export_table" are read outside Qt
     (naturplan/text/i18n.py). -->
<TS version="2.1" language="da_DK">
<context>
    <name>analysis</name>
    <message>
        <source>conflicts with existing nature (afforestation on §3)</source>
        <translation>i konflikt med eksisterende natur (skovrejsning på §3)</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Candidate areas on the map</source>
        <translation>Kandidatområder på kortet</translation>
    </message>
    <message>
        <source>… and {n} more: see the candidate table</source>
        <translation>… og {n} til: se kandidattabellen</translation>
    </message>
    <message>
        <source>The extent does not fit on {paper} at 1:{asked}: the map is at 1:{scale}.</source>
        <translation>Udsnittet kan ikke være på {paper} i 1:{asked}: kortet er i 1:{scale}.</translation>
    </message>
    <message numerus="yes">
        <source>{n} candidate areas are outside the map: {names}</source>
        <translation>
            <numerusform>1 kandidatområde er uden for kortet: {names}</numerusform>
            <numerusform>{n} kandidatområder er uden for kortet: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} candidate areas are cut by the map's edge.</source>
        <translation>
            <numerusform>1 kandidatområde skæres af kortets kant.</numerusform>
            <numerusform>{n} kandidatområder skæres af kortets kant.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(uden navn)</translation>
    </message>
    <message>
        <source>“With candidate areas” includes, by status: {included}.</source>
        <translation>»Med kandidatområder« omfatter efter status: {included}.</translation>
    </message>
    <message>
        <source>Not included: {left_out}.</source>
        <translation>Ikke med: {left_out}.</translation>
    </message>
    <message numerus="yes">
        <source>{n} set not to count toward the target</source>
        <translation>
            <numerusform>{n} sat til ikke at tælle med i målet</numerusform>
            <numerusform>{n} sat til ikke at tælle med i målet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>The total row adds up each column as it stands, every candidate (also rejected ones and overlapping ones); the plan's new nature counts overlaps once.</source>
        <translation>Sumrækken lægger hver kolonne sammen, som den står, for alle kandidatområder (også afviste og overlappende); planens nye natur tæller overlap én gang.</translation>
    </message>
</context>
</TS>
