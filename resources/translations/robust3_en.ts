<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 18, the project stores: other programs' edits, rows naturplan cannot use,
     connection strings, names, a locked project file. Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>EditSession</name>
    <message>
        <source>Candidate areas left out</source>
        <translation>Candidate areas left out</translation>
    </message>
</context>
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
        <source>The name of a candidate area may be at most {limit} characters; '{start}…' has {length}.</source>
        <translation>The name of a candidate area may be at most {limit} characters; '{start}…' has {length}.</translation>
    </message>
    <message>
        <source>The name of a scenario may be at most {limit} characters; '{start}…' has {length}.</source>
        <translation>The name of a scenario may be at most {limit} characters; '{start}…' has {length}.</translation>
    </message>
    <message>
        <source>The port '{port}' in the project database's address {where} is not a port number (1 to 65535).</source>
        <translation>The port '{port}' in the project database's address {where} is not a port number (1 to 65535).</translation>
    </message>
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
