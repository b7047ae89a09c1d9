<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Team projects in PostgreSQL + PostGIS (issue 13): the team dialogs and messages in the window
     (gui/team/), "naturplan project" on the command line (context cli_project) and the
     PostGIS store's and the copy's errors (context errors). Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>cli_project</name>
    <message numerus="yes">
        <source>{n} scenarios copied.</source>
        <translation>
            <numerusform>{n} scenario copied.</numerusform>
            <numerusform>{n} scenarios copied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} scenarios</source>
        <translation>
            <numerusform>{n} scenario</numerusform>
            <numerusform>{n} scenarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied {n} candidate areas, {edits} audit entries and {settings} settings from {src} to {dst}.</source>
        <translation>
            <numerusform>Copied {n} candidate area, {edits} audit entries and {settings} settings from {src} to {dst}.</numerusform>
            <numerusform>Copied {n} candidate areas, {edits} audit entries and {settings} settings from {src} to {dst}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} candidate areas, {area}</source>
        <translation>
            <numerusform>{n} candidate area, {area}</numerusform>
            <numerusform>{n} candidate areas, {area}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} audit entries, last {at}</source>
        <translation>
            <numerusform>{n} audit entry, last {at}</numerusform>
            <numerusform>{n} audit entries, last {at}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message numerus="yes">
        <source>{project} already holds a plan ({n} candidate areas); nothing was copied. Copy to a new project, or replace it on purpose.</source>
        <translation>
            <numerusform>{project} already holds a plan ({n} candidate area); nothing was copied. Copy to a new project, or replace it on purpose.</numerusform>
            <numerusform>{project} already holds a plan ({n} candidate areas); nothing was copied. Copy to a new project, or replace it on purpose.</numerusform>
        </translation>
    </message>
</context>
</TS>
