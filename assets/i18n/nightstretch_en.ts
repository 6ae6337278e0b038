<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>HistoryScreen</name>
    <message numerus="yes">
        <source>Stretches %n night(s) in a row</source>
        <translation>
            <numerusform>Stretches %n night in a row</numerusform>
            <numerusform>Stretches %n nights in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s)</source>
        <translation>
            <numerusform>%n night</numerusform>
            <numerusform>%n nights</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cramp(s)</source>
        <translation>
            <numerusform>%n cramp</numerusform>
            <numerusform>%n cramps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message numerus="yes">
        <source>%n second(s) to undo</source>
        <translation>
            <numerusform>%n second to undo</numerusform>
            <numerusform>%n seconds to undo</numerusform>
        </translation>
    </message>
</context>
</TS>
