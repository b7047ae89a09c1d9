<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 18, the writers: a file that cannot be written completely (naturplan.io.atomic,
     naturplan.io.verify), values a format cannot hold, bad export options. -->
<TS version="2.1" language="da_DK">
<context>
    <name>errors</name>
    <message>
        <source>Cannot write {file}: the disk is full; nothing was written.</source>
        <translation>Kan ikke skrive {file}: disken er fuld; intet blev skrevet.</translation>
    </message>
    <message>
        <source>Cannot write {file}: the folder is read-only (no permission to write); nothing was written.</source>
        <translation>Kan ikke skrive {file}: mappen er skrivebeskyttet (ingen tilladelse til at skrive); intet blev skrevet.</translation>
    </message>
    <message>
        <source>Cannot write {file}: the folder {folder} does not exist; nothing was written.</source>
        <translation>Kan ikke skrive {file}: mappen {folder} findes ikke; intet blev skrevet.</translation>
    </message>
    <message>
        <source>Cannot write {file}: it is a folder; nothing was written.</source>
        <translation>Kan ikke skrive {file}: det er en mappe; intet blev skrevet.</translation>
    </message>
    <message>
        <source>Cannot write {file}: the written {kind} file was incomplete; nothing was kept.</source>
        <translation>Kan ikke skrive {file}: den skrevne {kind}-fil var ufuldstændig; intet blev gemt.</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}; nothing was written.</source>
        <translation>Kan ikke skrive {file}: {reason}; intet blev skrevet.</translation>
    </message>
    <message>
        <source>--scale wants a number N from 1 to 100,000,000 (map scale 1:N), got {value}.</source>
        <translation>--scale skal være et tal N fra 1 til 100.000.000 (målestok 1:N), fik {value}.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>note</source>
        <translation>bemærk</translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message numerus="yes">
        <source>{n} values held characters that {format} cannot hold (control characters, NUL); they are shown as {mark}.</source>
        <translation>
            <numerusform>{n} værdi indeholdt tegn, som {format} ikke kan rumme (kontroltegn, NUL); de vises som {mark}.</numerusform>
            <numerusform>{n} værdier indeholdt tegn, som {format} ikke kan rumme (kontroltegn, NUL); de vises som {mark}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} values were longer than {format} holds ({limit}) and were cut.</source>
        <translation>
            <numerusform>{n} værdi var længere, end {format} kan rumme ({limit}), og blev afkortet.</numerusform>
            <numerusform>{n} værdier var længere, end {format} kan rumme ({limit}), og blev afkortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} tegn</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} byte</translation>
    </message>
</context>
</TS>
