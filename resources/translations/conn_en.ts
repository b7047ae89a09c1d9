<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Connectivity at national scale (issue 24 §4): IIC left out above its size bound. -->
<TS version="2.1" language="en_GB">
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>IIC is not computed: it counts every pair of linked patches however many links apart, here %1 pairs, too many to count in reasonable time. PC and ECA are computed.</source>
        <translation>IIC is not computed: it counts every pair of linked patches however many links apart, here %1 pairs, too many to count in reasonable time. PC and ECA are computed.</translation>
    </message>
</context>
</TS>
