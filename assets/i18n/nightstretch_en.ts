<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FinishScreen</name>
    <message numerus="yes">
        <source>%n of {0} hold(s) held to the end</source>
        <translation>
            <numerusform>%n of {0} hold held to the end</numerusform>
            <numerusform>%n of {0} holds held to the end</numerusform>
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
