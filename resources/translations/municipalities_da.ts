<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 22 item 3: a plan area of several municipalities. -->
<TS version="2.1" language="da_DK">
<context>
    <name>municipalities</name>
    <message>
        <source>By municipality</source>
        <translation>Pr. kommune</translation>
    </message>
    <message>
        <source>candidates new {ha}</source>
        <translation>kandidater nye {ha}</translation>
    </message>
    <message>
        <source>{name} ({code}): {share} ({ha}); gap 17 % {gap17}, gap 20 % {gap20}</source>
        <translation>{name} ({code}): {share} ({ha}); mangler til 17 % {gap17}, til 20 % {gap20}</translation>
    </message>
</context>
<context>
    <name>DashboardDock</name>
    <message>
        <source>By municipality</source>
        <translation>Pr. kommune</translation>
    </message>
</context>
</TS>
