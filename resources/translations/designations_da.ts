<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Today's designations (issue 22 item 2): Plandata's kommuneplan retningslinjer 1112-1115
     and MARS' projects as layers, checked per candidate and per parcel. Source texts are
     English with {name} placeholders. -->
<TS version="2.1" language="da_DK">
<context>
    <name>designations</name>
    <message>
        <source>not checked: no layer of Plandata's retningslinjer 1112–1115 (role designations)</source>
        <translation>ikke kontrolleret: intet lag med Plandatas retningslinjer 1112–1115 (rollen designations)</translation>
    </message>
    <message>
        <source>not checked: no layer of MARS projects (role mars_projects)</source>
        <translation>ikke kontrolleret: intet lag med MARS-projekter (rollen mars_projects)</translation>
    </message>
    <message>
        <source>in adopted afforestation area (1112): {area} ({pct})</source>
        <translation>ligger i vedtaget skovrejsningsområde (1112): {area} ({pct})</translation>
    </message>
    <message>
        <source>in proposed afforestation area (1112): {area} ({pct})</source>
        <translation>ligger i forslag til skovrejsningsområde (1112): {area} ({pct})</translation>
    </message>
    <message>
        <source>in afforestation area (1112, status {status}): {area} ({pct})</source>
        <translation>ligger i skovrejsningsområde (1112, status {status}): {area} ({pct})</translation>
    </message>
    <message>
        <source>in afforestation area (1112): {area} ({pct})</source>
        <translation>ligger i skovrejsningsområde (1112): {area} ({pct})</translation>
    </message>
    <message>
        <source>in adopted lowland area (1113): {area} ({pct})</source>
        <translation>ligger i vedtaget lavbundsareal (1113): {area} ({pct})</translation>
    </message>
    <message>
        <source>in proposed lowland area (1113): {area} ({pct})</source>
        <translation>ligger i forslag til lavbundsareal (1113): {area} ({pct})</translation>
    </message>
    <message>
        <source>in lowland area (1113, status {status}): {area} ({pct})</source>
        <translation>ligger i lavbundsareal (1113, status {status}): {area} ({pct})</translation>
    </message>
    <message>
        <source>in lowland area (1113): {area} ({pct})</source>
        <translation>ligger i lavbundsareal (1113): {area} ({pct})</translation>
    </message>
    <message>
        <source>in adopted nature protection area (1114): {area} ({pct})</source>
        <translation>ligger i vedtaget naturbeskyttelsesområde (1114): {area} ({pct})</translation>
    </message>
    <message>
        <source>in proposed nature protection area (1114): {area} ({pct})</source>
        <translation>ligger i forslag til naturbeskyttelsesområde (1114): {area} ({pct})</translation>
    </message>
    <message>
        <source>in nature protection area (1114, status {status}): {area} ({pct})</source>
        <translation>ligger i naturbeskyttelsesområde (1114, status {status}): {area} ({pct})</translation>
    </message>
    <message>
        <source>in nature protection area (1114): {area} ({pct})</source>
        <translation>ligger i naturbeskyttelsesområde (1114): {area} ({pct})</translation>
    </message>
    <message>
        <source>in adopted ecological connection (1115): {area} ({pct})</source>
        <translation>ligger i vedtagen økologisk forbindelse (1115): {area} ({pct})</translation>
    </message>
    <message>
        <source>in proposed ecological connection (1115): {area} ({pct})</source>
        <translation>ligger i forslag til økologisk forbindelse (1115): {area} ({pct})</translation>
    </message>
    <message>
        <source>in ecological connection (1115, status {status}): {area} ({pct})</source>
        <translation>ligger i økologisk forbindelse (1115, status {status}): {area} ({pct})</translation>
    </message>
    <message>
        <source>in ecological connection (1115): {area} ({pct})</source>
        <translation>ligger i økologisk forbindelse (1115): {area} ({pct})</translation>
    </message>
    <message>
        <source>in retningslinje of theme {theme} (status {status}): {area} ({pct})</source>
        <translation>ligger i retningslinje med temakode {theme} (status {status}): {area} ({pct})</translation>
    </message>
    <message>
        <source>in retningslinje of theme {theme}: {area} ({pct})</source>
        <translation>ligger i retningslinje med temakode {theme}: {area} ({pct})</translation>
    </message>
    <message>
        <source>overlaps MARS project {name} ({details}): {area} ({pct})</source>
        <translation>overlapper MARS-projekt {name} ({details}): {area} ({pct})</translation>
    </message>
    <message>
        <source>overlaps MARS project {name}: {area} ({pct})</source>
        <translation>overlapper MARS-projekt {name}: {area} ({pct})</translation>
    </message>
    <message>
        <source>no retningslinje of the layer overlaps</source>
        <translation>ingen af lagets retningslinjer overlapper</translation>
    </message>
    <message>
        <source>no MARS project of the layer overlaps</source>
        <translation>intet af lagets MARS-projekter overlapper</translation>
    </message>
    <message>
        <source>Today's designations (Plandata, MARS)</source>
        <translation>Udpegninger i dag (Plandata, MARS)</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Assumed, not checked against the service: {what}.</source>
        <translation>Antaget, ikke kontrolleret mod tjenesten: {what}.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>adressen</translation>
    </message>
    <message>
        <source>layer names</source>
        <translation>lagnavnene</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>felterne</translation>
    </message>
</context>
</TS>
