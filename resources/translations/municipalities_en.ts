<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 22 item 3: a plan area of several municipalities. -->
<TS version="2.1" language="en_GB">
<context>
    <name>municipalities</name>
    <message>
        <source>By municipality</source>
        <translation>By municipality</translation>
    </message>
    <message>
        <source>candidates new {ha}</source>
        <translation>candidates new {ha}</translation>
    </message>
    <message>
        <source>{name} ({code}): {share} ({ha}); gap 17 % {gap17}, gap 20 % {gap20}</source>
        <translation>{name} ({code}): {share} ({ha}); gap 17 % {gap17}, gap 20 % {gap20}</translation>
    </message>
</context>
<context>
    <name>DashboardDock</name>
    <message>
        <source>By municipality</source>
        <translation>By municipality</translation>
    </message>
</context>
</TS>
