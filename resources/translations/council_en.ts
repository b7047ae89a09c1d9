<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English of the council's documents (issue 19, items 8-12): only where the English source
     is not the text itself (numerus forms). -->
<TS version="2.1" language="en_GB">
<context>
    <name>export</name>
    <message numerus="yes">
        <source>{n} candidate areas are outside the map: {names}</source>
        <translation>
            <numerusform>1 candidate area is outside the map: {names}</numerusform>
            <numerusform>{n} candidate areas are outside the map: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} candidate areas are cut by the map's edge.</source>
        <translation>
            <numerusform>1 candidate area is cut by the map's edge.</numerusform>
            <numerusform>{n} candidate areas are cut by the map's edge.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} set not to count toward the target</source>
        <translation>
            <numerusform>{n} set not to count toward the target</numerusform>
            <numerusform>{n} set not to count toward the target</numerusform>
        </translation>
    </message>
</context>
</TS>
