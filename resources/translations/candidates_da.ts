<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- naturplan candidates import|list|set|delete (naturplan/cli/candidates.py), read through
     naturplan/text/i18n.py. Source texts are English with {name} placeholders; numerus
     messages have the form for 1 first, then the form for every other count. -->
<TS version="2.1" language="da_DK">
<context>
    <name>cli_candidates</name>
    <message>
        <source>{file}: feature {fid} '{name}': {why}</source>
        <translation>{file}: objekt {fid} '{name}': {why}</translation>
    </message>
    <message>
        <source>{file}: feature {fid} '{name}': invalid ({reason}), imported repaired.</source>
        <translation>{file}: objekt {fid} '{name}': ugyldig ({reason}), importeret repareret.</translation>
    </message>
    <message>
        <source>Nothing was imported; {project} is unchanged.</source>
        <translation>Intet blev importeret; {project} er uændret.</translation>
    </message>
    <message>
        <source>--verbose lists them.</source>
        <translation>--verbose viser dem.</translation>
    </message>
    <message>
        <source>  '{name}': {outside} of {area} outside</source>
        <translation>  '{name}': {outside} af {area} udenfor</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Areal</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Tæller</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Nothing to change: give --status, --name, --note, --kind or --counts.</source>
        <translation>Intet at ændre: angiv --status, --name, --note, --kind eller --counts.</translation>
    </message>
    <message>
        <source>'{name}' already has these values; nothing changed.</source>
        <translation>'{name}' har allerede disse værdier; intet er ændret.</translation>
    </message>
    <message>
        <source>Changed {fields} of '{name}' (version {version}).</source>
        <translation>Ændrede {fields} for '{name}' (version {version}).</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>name</source>
        <translation>navn</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>counts_toward_target</source>
        <translation>tæller med</translation>
    </message>
    <message>
        <source>Deleted '{name}' ({area}).</source>
        <translation>Slettede '{name}' ({area}).</translation>
    </message>
    <message numerus="yes">
        <source>Imported {n} candidate areas ({area}) into {project}.</source>
        <translation>
            <numerusform>Importerede {n} kandidatområde ({area}) til {project}.</numerusform>
            <numerusform>Importerede {n} kandidatområder ({area}) til {project}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped {n} broken features.</source>
        <translation>
            <numerusform>Sprang {n} defekt objekt over.</numerusform>
            <numerusform>Sprang {n} defekte objekter over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped {n} areas already in the plan (same name and geometry); --allow-duplicates imports them again.</source>
        <translation>
            <numerusform>Sprang {n} område over, der allerede er i planen (samme navn og geometri); --allow-duplicates importerer det igen.</numerusform>
            <numerusform>Sprang {n} områder over, der allerede er i planen (samme navn og geometri); --allow-duplicates importerer dem igen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} of {total} imported areas reach outside {municipality} Municipality ({area} in all); only the part inside counts toward the share.</source>
        <translation>
            <numerusform>{n} af {total} importerede områder rækker ud over {municipality} Kommune ({area} i alt); kun delen indenfor tæller med i andelen.</numerusform>
            <numerusform>{n} af {total} importerede områder rækker ud over {municipality} Kommune ({area} i alt); kun delen indenfor tæller med i andelen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} candidate areas, {area} in all</source>
        <translation>
            <numerusform>{n} kandidatområde, i alt {area}</numerusform>
            <numerusform>{n} kandidatområder, i alt {area}</numerusform>
        </translation>
    </message>
</context>
</TS>
