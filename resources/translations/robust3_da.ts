<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 18, the project stores: other programs' edits, rows naturplan cannot use,
     connection strings, names, a locked project file. Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>EditSession</name>
    <message>
        <source>Candidate areas left out</source>
        <translation>Kandidatområder udeladt</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>Candidate area {id} in the project was left out of the measurements: its geometry is not a valid polygon ({reason}). Correct it in the program that wrote it.</source>
        <translation>Kandidatområdet {id} i projektet er udeladt af opgørelserne: dets geometri er ikke en gyldig polygon ({reason}). Ret det i det program, der skrev det.</translation>
    </message>
    <message>
        <source>Candidate area {id} in the project was left out of the measurements: the field {field} holds a value of the wrong kind ({value}). Correct it in the program that wrote it.</source>
        <translation>Kandidatområdet {id} i projektet er udeladt af opgørelserne: feltet {field} har en værdi af forkert type ({value}). Ret det i det program, der skrev det.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The name of a candidate area may be at most {limit} characters; '{start}…' has {length}.</source>
        <translation>Et kandidatområdes navn må højst have {limit} tegn; '{start}…' har {length}.</translation>
    </message>
    <message>
        <source>The name of a scenario may be at most {limit} characters; '{start}…' has {length}.</source>
        <translation>Et scenaries navn må højst have {limit} tegn; '{start}…' har {length}.</translation>
    </message>
    <message>
        <source>The port '{port}' in the project database's address {where} is not a port number (1 to 65535).</source>
        <translation>Porten '{port}' i projektdatabasens adresse {where} er ikke et portnummer (1 til 65535).</translation>
    </message>
    <message>
        <source>Candidate area {id} was written by another program in a form naturplan cannot use, so the plan cannot be copied whole; correct it in that program first.</source>
        <translation>Kandidatområdet {id} er skrevet af et andet program i en form, naturplan ikke kan bruge, så planen kan ikke kopieres hel; ret det i det program først.</translation>
    </message>
    <message>
        <source>Candidate area {id} in {where} was written by another program in a form naturplan cannot use; correct it in that program.</source>
        <translation>Kandidatområdet {id} i {where} er skrevet af et andet program i en form, naturplan ikke kan bruge; ret det i det program.</translation>
    </message>
</context>
</TS>
