<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 25: the restore kind, its lifts editor and nature joined across a municipal border. -->
<TS version="2.1" language="en_GB">
<context>
    <name>labels</name>
    <message>
        <source>Restoration of nature</source>
        <translation>Restoration of nature</translation>
    </message>
</context>
</TS>
