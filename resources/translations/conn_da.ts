<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Connectivity at national scale (issue 24 §4): IIC left out above its size bound. -->
<TS version="2.1" language="da_DK">
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>IIC is not computed: it counts every pair of linked patches however many links apart, here %1 pairs, too many to count in reasonable time. PC and ECA are computed.</source>
        <translation>IIC er ikke beregnet: det tæller alle par af forbundne områder, uanset hvor mange forbindelser der er imellem, her %1 par, for mange til at tælle på rimelig tid. PC og ECA er beregnet.</translation>
    </message>
</context>
</TS>
