<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English needs no translations for the analysis (the sources are English); this file
     keeps the pair complete. -->
<TS version="2.1" language="en_GB">
<context>
    <name>analysis</name>
    <message>
        <source>Firefighter's rule</source>
        <translation>Firefighter's rule</translation>
    </message>
</context>
<context>
    <name>ScenarioDock</name>
    <message numerus="yes">
        <source>%n areas</source>
        <translation>
            <numerusform>%n area</numerusform>
            <numerusform>%n areas</numerusform>
        </translation>
    </message>
</context>
</TS>
