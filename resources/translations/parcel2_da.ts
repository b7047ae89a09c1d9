<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 19 items 1-7 (parcel status): new messages of the parcel card, PDF, batch and search. -->
<TS version="2.1" language="da_DK">
<context>
    <name>parcels</name>
    <message>
        <source>The parcel file gives no ejerlav name: the ejerlav is shown by its code.</source>
        <translation>Jordstykkefilen giver ingen ejerlavsnavn: ejerlavet vises med sin kode.</translation>
    </message>
    <message>
        <source>The parcel file gives no registered area: the area shown is computed from the parcel's outline.</source>
        <translation>Jordstykkefilen giver intet registreret areal: det viste areal er beregnet ud fra jordstykkets omrids.</translation>
    </message>
    <message>
        <source>Not evaluated (no layer loaded): {themes}. Their columns are empty, not 0.</source>
        <translation>Ikke vurderet (intet lag indlæst): {themes}. Deres kolonner er tomme, ikke 0.</translation>
    </message>
    <message>
        <source>The address '{text}' exists in several postcodes: {districts}. Add the postcode.</source>
        <translation>Adressen '{text}' findes i flere postnumre: {districts}. Tilføj postnummeret.</translation>
    </message>
    <message>
        <source>data from {date}</source>
        <translation>data fra {date}</translation>
    </message>
    <message>
        <source>The parcel</source>
        <translation>Jordstykket</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Signaturforklaring</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title} (fortsat)</translation>
    </message>
    <message>
        <source>{title} (partly synthetic example)</source>
        <translation>{title} (delvis syntetisk eksempel)</translation>
    </message>
    <message>
        <source>The parcel file gives no registered area: registered_area_m2 is empty; area_m2 is computed from the outlines.</source>
        <translation>Jordstykkefilen giver intet registreret areal: registered_area_m2 er tom; area_m2 er beregnet ud fra omridsene.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot read the ejerlav table '{file}': {reason}</source>
        <translation>Kan ikke læse ejerlavstabellen '{file}': {reason}</translation>
    </message>
    <message>
        <source>The ejerlav table '{file}' needs a code and a name column ({codes}; {names}); it has {fields}.</source>
        <translation>Ejerlavstabellen '{file}' skal have en kodekolonne og en navnekolonne ({codes}; {names}); den har {fields}.</translation>
    </message>
</context>
</TS>
