<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English is the source language of parcels_da.ts; this file holds English forms where
     the source text is not enough (none yet). -->
<TS version="2.1" language="en_GB">
<context>
    <name>parcels</name>
</context>
</TS>
