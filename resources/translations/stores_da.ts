<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 21 §4, the project stores and the typed project settings
     (naturplan/io/project/settings_model.py). Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>EditSession</name>
    <message>
        <source>Project settings not used</source>
        <translation>Projektindstillinger ikke brugt</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>The project setting {id} holds a value of the wrong kind ({value}); naturplan uses its default.</source>
        <translation>Projektindstillingen {id} har en værdi af forkert type ({value}); naturplan bruger standardværdien.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The setting {where} has a value of the wrong kind.</source>
        <translation>Indstillingen {where} har en værdi af den forkerte slags.</translation>
    </message>
</context>
</TS>
