<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English for issue 18's writer messages: only where the English source is not the text
     itself (the singular of a count). -->
<TS version="2.1" language="en_GB">
</TS>
