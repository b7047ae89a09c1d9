<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 19 items 1-7 (parcel status): new messages of the parcel card, PDF, batch and search. -->
<TS version="2.1" language="en_GB">
<context>
    <name>parcels</name>
</context>
<context>
    <name>errors</name>
</context>
</TS>
