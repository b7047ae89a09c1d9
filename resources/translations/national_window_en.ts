<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Windowed layers on printed pages and point layers read per window (issue 24 §2, h24d). -->
<TS version="2.1" language="en_GB">
<context>
    <name>export</name>
    <message>
        <source>{layer} is not drawn: the map holds {count} of its features, more than {most}. Choose a smaller extent or a larger scale.</source>
        <translation>{layer} is not drawn: the map holds {count} of its features, more than {most}. Choose a smaller extent or a larger scale.</translation>
    </message>
</context>
<context>
    <name>AccessFollower</name>
    <message>
        <source>not measured in the app: the addresses are read per map window at this size</source>
        <translation>not measured in the app: the addresses are read per map window at this size</translation>
    </message>
</context>
</TS>
