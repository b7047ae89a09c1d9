<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 21 §2, one operation per use case (the map export). Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>errors</name>
    <message>
        <source>Cannot tell the format of {name}: choose pdf, png or html.</source>
        <translation>Cannot tell the format of {name}: choose pdf, png or html.</translation>
    </message>
</context>
</TS>
