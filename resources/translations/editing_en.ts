<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The editing side of the window (naturplan/gui/editing/): Qt contexts = class names.
     Numerus messages (%n): the form for 1 first, then the form for every other count. -->
<TS version="2.1" language="en_GB">
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%1 (%2, %n features)</source>
        <translation>
            <numerusform>%1 (%2, %n feature)</numerusform>
            <numerusform>%1 (%2, %n features)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandidateImporter</name>
    <message numerus="yes">
        <source>Nothing was imported: the %n areas of %1 are already in the plan.</source>
        <translation>
            <numerusform>Nothing was imported: the area of %1 is already in the plan.</numerusform>
            <numerusform>Nothing was imported: the %n areas of %1 are already in the plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n areas from %1</source>
        <translation>
            <numerusform>Import %n area from %1</numerusform>
            <numerusform>Import %n areas from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 features cannot be used:
%2

Import the others (%3)?</source>
        <translation>
            <numerusform>%n of %1 features cannot be used:
%2

Import the others (%3)?</numerusform>
            <numerusform>%n of %1 features cannot be used:
%2

Import the others (%3)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n areas (%1) from %2.</source>
        <translation>
            <numerusform>Imported %n area (%1) from %2.</numerusform>
            <numerusform>Imported %n areas (%1) from %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repaired.</source>
        <translation>
            <numerusform>%n repaired.</numerusform>
            <numerusform>%n repaired.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broken skipped.</source>
        <translation>
            <numerusform>%n broken skipped.</numerusform>
            <numerusform>%n broken skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the plan skipped.</source>
        <translation>
            <numerusform>%n already in the plan skipped.</numerusform>
            <numerusform>%n already in the plan skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reach outside %1 Municipality; only the part inside counts.</source>
        <translation>
            <numerusform>%n reaches outside %1 Municipality; only the part inside counts.</numerusform>
            <numerusform>%n reach outside %1 Municipality; only the part inside counts.</numerusform>
        </translation>
    </message>
</context>
</TS>
