<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English for issue 12's messages: only where the English source is not the text itself
     (the singular of a count, and widget words). -->
<TS version="2.1" language="en_GB">
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>Fetched {n} features of {layer} into {path} ({role}, mapping {mapping}).</source>
        <translation>
            <numerusform>Fetched {n} feature of {layer} into {path} ({role}, mapping {mapping}).</numerusform>
            <numerusform>Fetched {n} features of {layer} into {path} ({role}, mapping {mapping}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>services</name>
    <message numerus="yes">
        <source>{n} days ago</source>
        <translation>
            <numerusform>{n} day ago</numerusform>
            <numerusform>{n} days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
