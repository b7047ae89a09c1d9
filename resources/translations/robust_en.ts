<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English for issue 18's writer messages: only where the English source is not the text
     itself (the singular of a count). -->
<TS version="2.1" language="en_GB">
<context>
    <name>export_table</name>
    <message numerus="yes">
        <source>{n} values held characters that {format} cannot hold (control characters, NUL); they are shown as {mark}.</source>
        <translation>
            <numerusform>{n} value held characters that {format} cannot hold (control characters, NUL); they are shown as {mark}.</numerusform>
            <numerusform>{n} values held characters that {format} cannot hold (control characters, NUL); they are shown as {mark}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} values were longer than {format} holds ({limit}) and were cut.</source>
        <translation>
            <numerusform>{n} value was longer than {format} holds ({limit}) and was cut.</numerusform>
            <numerusform>{n} values were longer than {format} holds ({limit}) and were cut.</numerusform>
        </translation>
    </message>
</context>
</TS>
