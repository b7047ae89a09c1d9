<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English forms where the English source text is not enough: the singular of a numerus
     message (the source is the plural). See messages_da.ts. -->
<TS version="2.1" language="en_GB">
<context>
    <name>labels</name>
    <message numerus="yes">
        <source>{n} features</source>
        <translation>
            <numerusform>{n} feature</numerusform>
            <numerusform>{n} features</numerusform>
        </translation>
    </message>
</context>
</TS>
