<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The planner's desk (issue 20 items 1-5): naturplan scenarios on the command line,
     argparse's own words, the drawing tools' messages, the analysis panel's footer. Source
     texts are English with {name} placeholders (Qt widgets: %1); a message with a count is
     numerus="yes": the first form for 1, the second for others. -->
<TS version="2.1" language="da_DK">
<context>
    <name>errors</name>
    <message>
        <source>No scenario named '{name}' in the project.</source>
        <translation>Intet scenarie med navnet '{name}' i projektet.</translation>
    </message>
    <message>
        <source>Candidate area {id} is not in scenario '{name}'.</source>
        <translation>Kandidatområdet {id} er ikke i scenariet '{name}'.</translation>
    </message>
</context>
<context>
    <name>cli_scenarios</name>
    <message numerus="yes">
        <source>Created scenario '{name}' with {n} candidate areas.</source>
        <translation>
            <numerusform>Scenariet '{name}' er oprettet med {n} kandidatområde.</numerusform>
            <numerusform>Scenariet '{name}' er oprettet med {n} kandidatområder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Renamed scenario '{old}' to '{new}'.</source>
        <translation>Scenariet '{old}' hedder nu '{new}'.</translation>
    </message>
    <message>
        <source>Scenario '{name}' already holds these areas; nothing changed.</source>
        <translation>Scenariet '{name}' har allerede disse områder; intet er ændret.</translation>
    </message>
    <message numerus="yes">
        <source>Added {n} candidate areas to scenario '{name}' (now {total}).</source>
        <translation>
            <numerusform>Tilføjede {n} kandidatområde til scenariet '{name}' (nu {total}).</numerusform>
            <numerusform>Tilføjede {n} kandidatområder til scenariet '{name}' (nu {total}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed {n} candidate areas from scenario '{name}' (now {total}).</source>
        <translation>
            <numerusform>Fjernede {n} kandidatområde fra scenariet '{name}' (nu {total}).</numerusform>
            <numerusform>Fjernede {n} kandidatområder fra scenariet '{name}' (nu {total}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted scenario '{name}' ({n} candidate areas; the areas stay).</source>
        <translation>
            <numerusform>Slettede scenariet '{name}' ({n} kandidatområde; området består).</numerusform>
            <numerusform>Slettede scenariet '{name}' ({n} kandidatområder; områderne består).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: {n} candidate areas, {area}</source>
        <translation>
            <numerusform>{name}: {n} kandidatområde, {area}</numerusform>
            <numerusform>{name}: {n} kandidatområder, {area}</numerusform>
        </translation>
    </message>
    <message>
        <source>{id}  (deleted from the plan)</source>
        <translation>{id}  (slettet fra planen)</translation>
    </message>
    <message numerus="yes">
        <source>{n} scenarios in {project}</source>
        <translation>
            <numerusform>{n} scenarie i {project}</numerusform>
            <numerusform>{n} scenarier i {project}</numerusform>
        </translation>
    </message>
</context>
</TS>
