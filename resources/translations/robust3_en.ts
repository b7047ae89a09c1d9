<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 18, the project stores: other programs' edits, rows naturplan cannot use,
     connection strings, names, a locked project file. Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>warnings</name>
    <message>
        <source>Candidate area {id} in the project was left out of the measurements: its geometry is not a valid polygon ({reason}). Correct it in the program that wrote it.</source>
        <translation>Candidate area {id} in the project was left out of the measurements: its geometry is not a valid polygon ({reason}). Correct it in the program that wrote it.</translation>
    </message>
    <message>
        <source>Candidate area {id} in the project was left out of the measurements: the field {field} holds a value of the wrong kind ({value}). Correct it in the program that wrote it.</source>
        <translation>Candidate area {id} in the project was left out of the measurements: the field {field} holds a value of the wrong kind ({value}). Correct it in the program that wrote it.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Candidate area {id} was written by another program in a form naturplan cannot use, so the plan cannot be copied whole; correct it in that program first.</source>
        <translation>Candidate area {id} was written by another program in a form naturplan cannot use, so the plan cannot be copied whole; correct it in that program first.</translation>
    </message>
    <message>
        <source>Candidate area {id} in {where} was written by another program in a form naturplan cannot use; correct it in that program.</source>
        <translation>Candidate area {id} in {where} was written by another program in a form naturplan cannot use; correct it in that program.</translation>
    </message>
</context>
</TS>
