<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- naturplan candidates import|list|set|delete (naturplan/cli/candidates.py), read through
     naturplan/text/i18n.py. Source texts are English with {name} placeholders; numerus
     messages have the form for 1 first, then the form for every other count. -->
<TS version="2.1" language="en_GB">
<context>
    <name>cli_candidates</name>
    <message>
        <source>counts_toward_target</source>
        <translation>counts toward the target</translation>
    </message>
    <message numerus="yes">
        <source>Imported {n} candidate areas ({area}) into {project}.</source>
        <translation>
            <numerusform>Imported {n} candidate area ({area}) into {project}.</numerusform>
            <numerusform>Imported {n} candidate areas ({area}) into {project}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped {n} broken features.</source>
        <translation>
            <numerusform>Skipped {n} broken feature.</numerusform>
            <numerusform>Skipped {n} broken features.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped {n} areas already in the plan (same name and geometry); --allow-duplicates imports them again.</source>
        <translation>
            <numerusform>Skipped {n} area already in the plan (same name and geometry); --allow-duplicates imports it again.</numerusform>
            <numerusform>Skipped {n} areas already in the plan (same name and geometry); --allow-duplicates imports them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} of {total} imported areas reach outside {municipality} Municipality ({area} in all); only the part inside counts toward the share.</source>
        <translation>
            <numerusform>{n} of {total} imported areas reaches outside {municipality} Municipality ({area} in all); only the part inside counts toward the share.</numerusform>
            <numerusform>{n} of {total} imported areas reach outside {municipality} Municipality ({area} in all); only the part inside counts toward the share.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} candidate areas, {area} in all</source>
        <translation>
            <numerusform>{n} candidate area, {area} in all</numerusform>
            <numerusform>{n} candidate areas, {area} in all</numerusform>
        </translation>
    </message>
</context>
</TS>
