<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 21 §2, one operation per use case (the map export). Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>errors</name>
    <message>
        <source>Cannot tell the format of {name}: choose pdf, png or html.</source>
        <translation>Kan ikke se formatet af {name}: vælg pdf, png eller html.</translation>
    </message>
</context>
</TS>
