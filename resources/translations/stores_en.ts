<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 21 §4, the project stores and the typed project settings
     (naturplan/io/project/settings_model.py). Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>EditSession</name>
    <message>
        <source>Project settings not used</source>
        <translation>Project settings not used</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>The project setting {id} holds a value of the wrong kind ({value}); naturplan uses its default.</source>
        <translation>The project setting {id} holds a value of the wrong kind ({value}); naturplan uses its default.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The setting {where} has a value of the wrong kind.</source>
        <translation>The setting {where} has a value of the wrong kind.</translation>
    </message>
</context>
</TS>
