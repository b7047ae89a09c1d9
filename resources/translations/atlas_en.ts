<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The candidate atlas (issue 19 item 13): its pages (context "atlas"), its errors
     ("errors") and the window's atlas dialog ("AtlasDialog", "ExportActions"). Source texts
     are English with {name} placeholders (%1 in the dialog). -->
<TS version="2.1" language="en_GB">
<context>
    <name>atlas</name>
    <message>
        <source>Candidate areas, {name} Municipality</source>
        <translation>Candidate areas, {name} Municipality</translation>
    </message>
    <message>
        <source>Candidate atlas: overview and key</source>
        <translation>Candidate atlas: overview and key</translation>
    </message>
    <message>
        <source>Key to the candidate pages</source>
        <translation>Key to the candidate pages</translation>
    </message>
    <message>
        <source>Key to the candidate pages (continued)</source>
        <translation>Key to the candidate pages (continued)</translation>
    </message>
    <message>
        <source>The candidate's numbers</source>
        <translation>The candidate's numbers</translation>
    </message>
    <message>
        <source>–: does not apply to this kind of candidate, or not measured.</source>
        <translation>–: does not apply to this kind of candidate, or not measured.</translation>
    </message>
    <message>
        <source>What the candidate does (CO2e, conflicts, flood, ΔECA) was not measured for this atlas.</source>
        <translation>What the candidate does (CO2e, conflicts, flood, ΔECA) was not measured for this atlas.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote {path}: {n} pages ({size} MB).</source>
        <translation>
            <numerusform>Wrote {path}: {n} page ({size} MB).</numerusform>
            <numerusform>Wrote {path}: {n} pages ({size} MB).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {n} atlas files.</source>
        <translation>
            <numerusform>Wrote {n} atlas file.</numerusform>
            <numerusform>Wrote {n} atlas files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The atlas has no pages: the plan has no candidate areas.</source>
        <translation>The atlas has no pages: the plan has no candidate areas.</translation>
    </message>
    <message>
        <source>An atlas is split by kind or by status, not by '{value}'.</source>
        <translation>An atlas is split by kind or by status, not by '{value}'.</translation>
    </message>
    <message>
        <source>An atlas of a scenario needs the project that holds it.</source>
        <translation>An atlas of a scenario needs the project that holds it.</translation>
    </message>
    <message>
        <source>No scenario named '{name}' in the project (scenarios: {names}).</source>
        <translation>No scenario named '{name}' in the project (scenarios: {names}).</translation>
    </message>
    <message>
        <source>--scenario and --split-by belong to the atlas: add --atlas.</source>
        <translation>--scenario and --split-by belong to the atlas: add --atlas.</translation>
    </message>
    <message>
        <source>The atlas shows a project's candidates: give --project.</source>
        <translation>The atlas shows a project's candidates: give --project.</translation>
    </message>
    <message>
        <source>The atlas is a PDF: give --out a .pdf name.</source>
        <translation>The atlas is a PDF: give --out a .pdf name.</translation>
    </message>
</context>
<context>
    <name>AtlasDialog</name>
    <message>
        <source>Export atlas</source>
        <translation>Export atlas</translation>
    </message>
    <message>
        <source>Export atlas…</source>
        <translation>Export atlas…</translation>
    </message>
    <message>
        <source>One file</source>
        <translation>One file</translation>
    </message>
    <message>
        <source>One file per kind</source>
        <translation>One file per kind</translation>
    </message>
    <message>
        <source>One file per status</source>
        <translation>One file per status</translation>
    </message>
    <message>
        <source>All candidate areas</source>
        <translation>All candidate areas</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>Scenario: %1</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 pages).</source>
        <translation>Wrote %1 (%2 pages).</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <source>The plan has no candidate areas to put in an atlas.</source>
        <translation>The plan has no candidate areas to put in an atlas.</translation>
    </message>
    <message>
        <source>Measuring what each candidate does…</source>
        <translation>Measuring what each candidate does…</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export atlas…</source>
        <translation>Export atlas…</translation>
    </message>
</context>
</TS>
