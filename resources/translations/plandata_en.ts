<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 22: Plandata.dk, MARS and nitrogen. Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>plandata</name>
    <message>
        <source>not a polygon ({found}); refused</source>
        <translation>not a polygon ({found}); refused</translation>
    </message>
    <message>
        <source>no geometry; refused</source>
        <translation>no geometry; refused</translation>
    </message>
    <message>
        <source>invalid geometry ({reason}) at {x}, {y}; refused</source>
        <translation>invalid geometry ({reason}) at {x}, {y}; refused</translation>
    </message>
    <message>
        <source>its boundary crosses itself at {x}, {y}; refused</source>
        <translation>its boundary crosses itself at {x}, {y}; refused</translation>
    </message>
    <message>
        <source>coordinates outside EPSG:25832 in Denmark ({problem}); refused</source>
        <translation>coordinates outside EPSG:25832 in Denmark ({problem}); refused</translation>
    </message>
    <message>
        <source>lies wholly outside the municipality; refused</source>
        <translation>lies wholly outside the municipality; refused</translation>
    </message>
    <message>
        <source>clipped to the municipality: {area} ({share}) outside removed (a retningslinje applies only in its own municipality)</source>
        <translation>clipped to the municipality: {area} ({share}) outside removed (a retningslinje applies only in its own municipality)</translation>
    </message>
    <message>
        <source>required field {field} is empty; refused</source>
        <translation>required field {field} is empty; refused</translation>
    </message>
    <message>
        <source>field {field}: the value {value} is not allowed; refused</source>
        <translation>field {field}: the value {value} is not allowed; refused</translation>
    </message>
    <message>
        <source>an idea: not exported</source>
        <translation>an idea: not exported</translation>
    </message>
    <message>
        <source>rejected: not exported</source>
        <translation>rejected: not exported</translation>
    </message>
    <message>
        <source>its status is not among those exported</source>
        <translation>its status is not among those exported</translation>
    </message>
    <message>
        <source>its kind has no Plandata theme; mark it 1114 or 1115</source>
        <translation>its kind has no Plandata theme; mark it 1114 or 1115</translation>
    </message>
    <message>
        <source>marked not to be exported</source>
        <translation>marked not to be exported</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>The plan's facts for Plandata: {facts}.</source>
        <translation>The plan's facts for Plandata: {facts}.</translation>
    </message>
    <message>
        <source>Lowland hectares by carbon class and the lowland areas' CO2e are empty: no lowland layer was given.</source>
        <translation>Lowland hectares by carbon class and the lowland areas' CO2e are empty: no lowland layer was given.</translation>
    </message>
    <message>
        <source>Nitrogen (kg N per year) is empty: no N-retention layer (role n_retention) was given.</source>
        <translation>Nitrogen (kg N per year) is empty: no N-retention layer (role n_retention) was given.</translation>
    </message>
    <message numerus="yes">
        <source>{n} areas checked, {refused} refused, {left} not exported.</source>
        <translation>
            <numerusform>{n} area checked, {refused} refused, {left} not exported.</numerusform>
            <numerusform>{n} areas checked, {refused} refused, {left} not exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {n} areas of theme {theme} to {path}.</source>
        <translation>
            <numerusform>Wrote {n} area of theme {theme} to {path}.</numerusform>
            <numerusform>Wrote {n} areas of theme {theme} to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked {n} areas for theme {theme}.</source>
        <translation>
            <numerusform>Marked {n} area for theme {theme}.</numerusform>
            <numerusform>Marked {n} areas for theme {theme}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The plan area holds several municipalities ({codes}); Plandata takes one municipality's plan at a time: choose one of them.</source>
        <translation>The plan area holds several municipalities ({codes}); Plandata takes one municipality's plan at a time: choose one of them.</translation>
    </message>
    <message>
        <source>The plan area holds no municipality {code}; choose one of {codes}.</source>
        <translation>The plan area holds no municipality {code}; choose one of {codes}.</translation>
    </message>
    <message>
        <source>The data model {file} cannot be read ({reason}).</source>
        <translation>The data model {file} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>The data model {file} is missing.</source>
        <translation>The data model {file} is missing.</translation>
    </message>
    <message>
        <source>The project's national record cannot be read ({reason}).</source>
        <translation>The project's national record cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>Unknown Plandata status {status}; use {known}.</source>
        <translation>Unknown Plandata status {status}; use {known}.</translation>
    </message>
    <message>
        <source>Choose one of {one} and {other}, not both.</source>
        <translation>Choose one of {one} and {other}, not both.</translation>
    </message>
    <message>
        <source>Name the folder with --out DIR, or check only with --check-only.</source>
        <translation>Name the folder with --out DIR, or check only with --check-only.</translation>
    </message>
    <message>
        <source>Unknown Plandata theme {theme}; use {known}, kind or none.</source>
        <translation>Unknown Plandata theme {theme}; use {known}, kind or none.</translation>
    </message>
    <message>
        <source>{date} is not a date as YYYY-MM-DD.</source>
        <translation>{date} is not a date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Unknown MARS field {key}; the keys are {keys}.</source>
        <translation>Unknown MARS field {key}; the keys are {keys}.</translation>
    </message>
    <message>
        <source>Unknown MARS {what} '{value}'; the mapping knows {known}.</source>
        <translation>Unknown MARS {what} '{value}'; the mapping knows {known}.</translation>
    </message>
    <message>
        <source>Feature {fid} '{name}' is not a valid polygon; nothing was imported.</source>
        <translation>Feature {fid} '{name}' is not a valid polygon; nothing was imported.</translation>
    </message>
    <message>
        <source>Write --mars-field as KEY=FIELD, not {item}.</source>
        <translation>Write --mars-field as KEY=FIELD, not {item}.</translation>
    </message>
    <message>
        <source>Name the kind of the areas with --kind (lowland, afforestation, connectivity or restore).</source>
        <translation>Name the kind of the areas with --kind (lowland, afforestation, connectivity or restore).</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason}).</source>
        <translation>{path}: cannot be read ({reason}).</translation>
    </message>
    <message numerus="yes">
        <source>{n} areas break the rules of Plandata's data model; nothing was written.</source>
        <translation>
            <numerusform>{n} area breaks the rules of Plandata's data model; nothing was written.</numerusform>
            <numerusform>{n} areas break the rules of Plandata's data model; nothing was written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>export the plan to Plandata.dk (kommuneplanretningslinjer 1112-1115)</source>
        <translation>export the plan to Plandata.dk (kommuneplanretningslinjer 1112-1115)</translation>
    </message>
    <message>
        <source>check the plan and write one shapefile per theme</source>
        <translation>check the plan and write one shapefile per theme</translation>
    </message>
    <message>
        <source>the folder the shapefiles are written to</source>
        <translation>the folder the shapefiles are written to</translation>
    </message>
    <message>
        <source>Plandata statuses to export: F or KF for proposals, V or KV for adopted areas (default F,V)</source>
        <translation>Plandata statuses to export: F or KF for proposals, V or KV for adopted areas (default F,V)</translation>
    </message>
    <message>
        <source>check and print the report, write nothing</source>
        <translation>check and print the report, write nothing</translation>
    </message>
    <message>
        <source>designate candidate areas for a Plandata theme</source>
        <translation>designate candidate areas for a Plandata theme</translation>
    </message>
    <message>
        <source>1114 or 1115 (Grønt Danmarkskort), kind: the theme of its kind, none: never exported</source>
        <translation>1114 or 1115 (Grønt Danmarkskort), kind: the theme of its kind, none: never exported</translation>
    </message>
    <message>
        <source>the plan's facts for Plandata (id, name, dates)</source>
        <translation>the plan's facts for Plandata (id, name, dates)</translation>
    </message>
    <message>
        <source>Plandata's id of the plan</source>
        <translation>Plandata's id of the plan</translation>
    </message>
    <message>
        <source>the plan's name</source>
        <translation>the plan's name</translation>
    </message>
    <message>
        <source>date of the proposal</source>
        <translation>date of the proposal</translation>
    </message>
    <message>
        <source>date of the adoption</source>
        <translation>date of the adoption</translation>
    </message>
    <message>
        <source>link to the plan document</source>
        <translation>link to the plan document</translation>
    </message>
    <message>
        <source>the kind of every area imported (required unless --format mars)</source>
        <translation>the kind of every area imported (required unless --format mars)</translation>
    </message>
    <message>
        <source>mars: a MARS export of project areas (kind and status from the MARS type and phase; --kind is not needed)</source>
        <translation>mars: a MARS export of project areas (kind and status from the MARS type and phase; --kind is not needed)</translation>
    </message>
    <message>
        <source>the file's field for a MARS key (id, name, type, phase, municipality, area_ha)</source>
        <translation>the file's field for a MARS key (id, name, type, phase, municipality, area_ha)</translation>
    </message>
    <message>
        <source>mars: project areas (shapefile) and project list (CSV) for MARS into the folder --out</source>
        <translation>mars: project areas (shapefile) and project list (CSV) for MARS into the folder --out</translation>
    </message>
    <message>
        <source>the candidate area, or the first characters of its id (repeat for more)</source>
        <translation>the candidate area, or the first characters of its id (repeat for more)</translation>
    </message>
</context>
<context>
    <name>PlandataDialog</name>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Export to Plandata</source>
        <translation>Export to Plandata</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>F (forslag)</source>
        <translation>F (forslag)</translation>
    </message>
    <message>
        <source>KF (kladde til forslag)</source>
        <translation>KF (kladde til forslag)</translation>
    </message>
    <message>
        <source>not exported</source>
        <translation>not exported</translation>
    </message>
    <message>
        <source>V (vedtaget)</source>
        <translation>V (vedtaget)</translation>
    </message>
    <message>
        <source>KV (kladde til vedtaget)</source>
        <translation>KV (kladde til vedtaget)</translation>
    </message>
    <message>
        <source>Proposed areas as</source>
        <translation>Proposed areas as</translation>
    </message>
    <message>
        <source>Adopted areas as</source>
        <translation>Adopted areas as</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Open a project and choose what to export.</source>
        <translation>Open a project and choose what to export.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export to Plandata…</source>
        <translation>Export to Plandata…</translation>
    </message>
</context>
<context>
    <name>mars</name>
    <message numerus="yes">
        <source>Imported {n} MARS projects.</source>
        <translation>
            <numerusform>Imported {n} MARS project.</numerusform>
            <numerusform>Imported {n} MARS projects.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {n} MARS projects to {path}.</source>
        <translation>
            <numerusform>Wrote {n} MARS project to {path}.</numerusform>
            <numerusform>Wrote {n} MARS projects to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped {n} projects already in the plan: {ids}.</source>
        <translation>
            <numerusform>Skipped {n} project already in the plan: {ids}.</numerusform>
            <numerusform>Skipped {n} projects already in the plan: {ids}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export_table</name>
    <message>
        <source>Nitrogen reduction (kg N/yr)</source>
        <translation>Nitrogen reduction (kg N/yr)</translation>
    </message>
    <message>
        <source>No N-retention layer (role n_retention): the nitrogen reduction is not measured (empty cells).</source>
        <translation>No N-retention layer (role n_retention): the nitrogen reduction is not measured (empty cells).</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Nitrogen</source>
        <translation>Nitrogen</translation>
    </message>
    <message>
        <source>not measured: no N-retention layer (role n_retention)</source>
        <translation>not measured: no N-retention layer (role n_retention)</translation>
    </message>
    <message>
        <source>%1 kg N per year</source>
        <translation>%1 kg N per year</translation>
    </message>
</context>
</TS>
