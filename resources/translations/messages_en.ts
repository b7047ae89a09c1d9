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
<context>
    <name>errors</name>
    <message numerus="yes">
        <source>{n} of {total} features in {file} are broken; nothing was imported.</source>
        <translation>
            <numerusform>{n} of {total} features in {file} is broken; nothing was imported.</numerusform>
            <numerusform>{n} of {total} features in {file} are broken; nothing was imported.</numerusform>
        </translation>
    </message>
</context>
</TS>
