<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChoosePage</name>
    <message>
        <source>Where is the cramp?</source>
        <translation>Wo ist der Krampf?</translation>
    </message>
    <message>
        <source>The cramp is in the calf (key 1)</source>
        <translation>Der Krampf ist in der Wade (Taste 1)</translation>
    </message>
    <message>
        <source>The cramp is in the back of the thigh (key 2)</source>
        <translation>Der Krampf ist hinten im Oberschenkel (Taste 2)</translation>
    </message>
    <message>
        <source>The cramp is in the front of the thigh (key 3)</source>
        <translation>Der Krampf ist vorn im Oberschenkel (Taste 3)</translation>
    </message>
    <message>
        <source>The cramp is in the foot (key 4)</source>
        <translation>Der Krampf ist im Fuß (Taste 4)</translation>
    </message>
</context>
<context>
    <name>DoctorNotice</name>
    <message>
        <source>Emergency sign</source>
        <translation>Notfallzeichen</translation>
    </message>
</context>
<context>
    <name>EarlierBar</name>
    <message>
        <source>Started earlier?</source>
        <translation>Früher begonnen?</translation>
    </message>
    <message>
        <source>The cramp started about {0} minutes ago</source>
        <translation>Der Krampf begann vor etwa {0} Minuten</translation>
    </message>
    <message>
        <source>Time the cramp from when it began</source>
        <translation>Den Krampf ab seinem Beginn messen</translation>
    </message>
    <message>
        <source>min ago</source>
        <translation>Min. zuvor</translation>
    </message>
</context>
<context>
    <name>EditorFlow</name>
    <message>
        <source>New routine</source>
        <translation>Neue Übungsfolge</translation>
    </message>
    <message>
        <source>Remove your changes and go back to the original routine?</source>
        <translation>Ihre Änderungen entfernen und zur ursprünglichen Übungsfolge zurückkehren?</translation>
    </message>
    <message>
        <source>Restore the original</source>
        <translation>Original wiederherstellen</translation>
    </message>
    <message>
        <source>Delete routine</source>
        <translation>Übungsfolge löschen</translation>
    </message>
    <message>
        <source>Delete {0}?</source>
        <translation>{0} löschen?</translation>
    </message>
    <message>
        <source>{0} was deleted.</source>
        <translation>{0} wurde gelöscht.</translation>
    </message>
    <message>
        <source>Export routine</source>
        <translation>Übungsfolge exportieren</translation>
    </message>
    <message>
        <source>Routine files (*.toml)</source>
        <translation>Übungsfolgen-Dateien (*.toml)</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} konnte nicht gespeichert werden: {1}</translation>
    </message>
    <message>
        <source>Import a routine</source>
        <translation>Übungsfolge importieren</translation>
    </message>
    <message>
        <source>Could not import {0}: {1}</source>
        <translation>{0} konnte nicht importiert werden: {1}</translation>
    </message>
    <message>
        <source>{0} was not imported:</source>
        <translation>{0} wurde nicht importiert:</translation>
    </message>
    <message>
        <source>Imported {0}.</source>
        <translation>{0} importiert.</translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message>
        <source>New routine</source>
        <translation>Neue Übungsfolge</translation>
    </message>
    <message>
        <source>Edit routine</source>
        <translation>Übungsfolge bearbeiten</translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation>Name der Übungsfolge</translation>
    </message>
    <message>
        <source>Name of the routine</source>
        <translation>Name der Übungsfolge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Add exercise…</source>
        <translation>Übung hinzufügen…</translation>
    </message>
    <message>
        <source>Choose an exercise from the catalog (Insert)</source>
        <translation>Eine Übung aus dem Katalog wählen (Einfg)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Schritt entfernen</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>Schritt nach oben</translation>
    </message>
    <message>
        <source>Move step up (Alt+Up)</source>
        <translation>Schritt nach oben (Alt+Pfeil hoch)</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>Schritt nach unten</translation>
    </message>
    <message>
        <source>Move step down (Alt+Down)</source>
        <translation>Schritt nach unten (Alt+Pfeil runter)</translation>
    </message>
    <message>
        <source>Reminders…</source>
        <translation>Erinnerungen…</translation>
    </message>
    <message>
        <source>When to be reminded of this routine</source>
        <translation>Wann an diese Übungsfolge erinnert werden soll</translation>
    </message>
    <message>
        <source>Restore the original</source>
        <translation>Original wiederherstellen</translation>
    </message>
    <message>
        <source>Remove your changes and use the routine as it came</source>
        <translation>Ihre Änderungen entfernen und die Übungsfolge wie geliefert nutzen</translation>
    </message>
    <message>
        <source>Delete routine</source>
        <translation>Übungsfolge löschen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>The whole routine</source>
        <translation>Die ganze Übungsfolge</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederholen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Play the routine as it is now</source>
        <translation>Die Übungsfolge so abspielen, wie sie jetzt ist</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Zurück (Esc)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>EpisodeDialog</name>
    <message>
        <source>not noted</source>
        <translation>nicht notiert</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Calf</source>
        <translation>Wade</translation>
    </message>
    <message>
        <source>Back of thigh</source>
        <translation>Oberschenkel hinten</translation>
    </message>
    <message>
        <source>Front of thigh</source>
        <translation>Oberschenkel vorn</translation>
    </message>
    <message>
        <source>Foot</source>
        <translation>Fuß</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anderswo</translation>
    </message>
    <message>
        <source>Edit a cramp</source>
        <translation>Krampf bearbeiten</translation>
    </message>
    <message>
        <source>Add a cramp</source>
        <translation>Krampf eintragen</translation>
    </message>
    <message>
        <source>When it started</source>
        <translation>Wann er begann</translation>
    </message>
    <message>
        <source>How long it lasted: minutes</source>
        <translation>Wie lange er dauerte: Minuten</translation>
    </message>
    <message>
        <source>How long it lasted: seconds</source>
        <translation>Wie lange er dauerte: Sekunden</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Dauer</translation>
    </message>
    <message>
        <source>Which leg</source>
        <translation>Welches Bein</translation>
    </message>
    <message>
        <source>Which muscle</source>
        <translation>Welcher Muskel</translation>
    </message>
    <message>
        <source>Pain, from 0 to 10</source>
        <translation>Schmerz, von 0 bis 10</translation>
    </message>
    <message>
        <source>It woke me up</source>
        <translation>Er hat mich geweckt</translation>
    </message>
    <message>
        <source>Swelling, numbness or skin changes in the leg</source>
        <translation>Schwellung, Taubheit oder Hautveränderungen am Bein</translation>
    </message>
    <message>
        <source>Cramps in other parts of the body too</source>
        <translation>Auch Krämpfe in anderen Körperteilen</translation>
    </message>
    <message>
        <source>What helped</source>
        <translation>Was geholfen hat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <source>Le&amp;g</source>
        <translation>&amp;Bein</translation>
    </message>
    <message>
        <source>&amp;Muscle</source>
        <translation>&amp;Muskel</translation>
    </message>
    <message>
        <source>&amp;Pain</source>
        <translation>&amp;Schmerz</translation>
    </message>
    <message>
        <source>What &amp;helped</source>
        <translation>Was &amp;geholfen hat</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
</context>
<context>
    <name>EpisodeForm</name>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Linkes Bein</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Rechtes Bein</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Both legs</source>
        <translation>Beide Beine</translation>
    </message>
    <message>
        <source>Which leg?</source>
        <translation>Welches Bein?</translation>
    </message>
    <message>
        <source>Which leg</source>
        <translation>Welches Bein</translation>
    </message>
    <message>
        <source>Pain {0} of 10</source>
        <translation>Schmerz {0} von 10</translation>
    </message>
    <message>
        <source>How bad the pain was, 0 to 10</source>
        <translation>Wie stark der Schmerz war, 0 bis 10</translation>
    </message>
    <message>
        <source>A short note (optional)</source>
        <translation>Eine kurze Notiz (freiwillig)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save (nothing here is required)</source>
        <translation>Speichern (nichts hier ist Pflicht)</translation>
    </message>
    <message>
        <source>Did it wake you?</source>
        <translation>Hat er Sie geweckt?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Yes, it woke me</source>
        <translation>Ja, er hat mich geweckt</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No, I was awake</source>
        <translation>Nein, ich war wach</translation>
    </message>
    <message>
        <source>Did the cramp wake you</source>
        <translation>Hat der Krampf Sie geweckt</translation>
    </message>
    <message>
        <source>How bad? 0–10</source>
        <translation>Wie schlimm? 0–10</translation>
    </message>
    <message>
        <source>0 = none, 10 = worst</source>
        <translation>0 = gar nicht, 10 = am schlimmsten</translation>
    </message>
    <message>
        <source>Not over — back</source>
        <translation>Noch nicht vorbei</translation>
    </message>
    <message>
        <source>Not over, back to relief</source>
        <translation>Noch nicht vorbei, zurück zur Hilfe</translation>
    </message>
    <message>
        <source>The cramp is not over: relief goes on with the same clock</source>
        <translation>Der Krampf ist nicht vorbei: die Hilfe geht mit derselben Uhr weiter</translation>
    </message>
    <message>
        <source>Not a cramp — discard</source>
        <translation>Kein Krampf – verwerfen</translation>
    </message>
    <message>
        <source>Not a cramp, discard</source>
        <translation>Kein Krampf, verwerfen</translation>
    </message>
    <message>
        <source>Take this episode out of the diary</source>
        <translation>Diesen Eintrag aus dem Tagebuch nehmen</translation>
    </message>
</context>
<context>
    <name>ExerciseDialog</name>
    <message>
        <source>Your own exercise</source>
        <translation>Ihre eigene Übung</translation>
    </message>
    <message>
        <source>Your words are shown and spoken as you write them, marked as your own.</source>
        <translation>Ihre Worte werden so gezeigt und gesprochen, wie Sie sie schreiben, und als Ihre eigenen gekennzeichnet.</translation>
    </message>
    <message>
        <source>Exercise name</source>
        <translation>Name der Übung</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <source>How to do it, one step a line</source>
        <translation>So geht es, ein Schritt pro Zeile</translation>
    </message>
    <message>
        <source>One leg at a time</source>
        <translation>Ein Bein nach dem anderen</translation>
    </message>
    <message>
        <source>Choose a picture…</source>
        <translation>Bild wählen…</translation>
    </message>
    <message>
        <source>An SVG or PNG file (optional)</source>
        <translation>Eine SVG- oder PNG-Datei (freiwillig)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>How to do it (one step a line)</source>
        <translation>So geht es (ein Schritt pro Zeile)</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>Bild wählen</translation>
    </message>
    <message>
        <source>Pictures (*.svg *.png)</source>
        <translation>Bilder (*.svg *.png)</translation>
    </message>
</context>
<context>
    <name>ExercisePickerDialog</name>
    <message>
        <source>Add an exercise</source>
        <translation>Übung hinzufügen</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>New exercise…</source>
        <translation>Neue Übung…</translation>
    </message>
    <message>
        <source>Write an exercise of your own</source>
        <translation>Eine eigene Übung aufschreiben</translation>
    </message>
    <message>
        <source>{0} (yours)</source>
        <translation>{0} (Ihre)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>that is a device, not a file</source>
        <translation>das ist ein Gerät, keine Datei</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>der Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>dort darf nicht geschrieben werden</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>den Ordner gibt es nicht</translation>
    </message>
    <message>
        <source>that is a folder, not a file</source>
        <translation>das ist ein Ordner, keine Datei</translation>
    </message>
</context>
<context>
    <name>FinishScreen</name>
    <message>
        <source>All done. Good night.</source>
        <translation>Alles geschafft. Gute Nacht.</translation>
    </message>
    <message>
        <source>The end, but most holds were skipped.</source>
        <translation>Am Ende, aber die meisten Dehnungen übersprungen.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Beendet.</translation>
    </message>
    <message>
        <source>It counts as done when at least half of the hold time is held, so tonight&apos;s reminder stays on.</source>
        <translation>Es zählt als geschafft, wenn mindestens die Hälfte der Haltezeit gehalten wurde; die Erinnerung heute Abend bleibt also an.</translation>
    </message>
    <message>
        <source>Back to the main screen (Enter, Space or Esc)</source>
        <translation>Zurück zum Hauptbildschirm (Eingabe, Leertaste oder Esc)</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>Zurück zum Start</translation>
    </message>
    <message>
        <source>{0} of {1} holds held to the end</source>
        <translation>{0} von {1} Dehnungen bis zum Ende gehalten</translation>
    </message>
    <message>
        <source>Back to the main screen</source>
        <translation>Zurück zum Startbildschirm</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the routines</source>
        <translation>Zurück zu den Übungsfolgen</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Voriger Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>Cramps this month</source>
        <translation>Krämpfe in diesem Monat</translation>
    </message>
    <message>
        <source>Add cramp…</source>
        <translation>Krampf eintragen…</translation>
    </message>
    <message>
        <source>Add a cramp by hand</source>
        <translation>Einen Krampf von Hand eintragen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the chosen cramp</source>
        <translation>Den gewählten Krampf bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the chosen cramp</source>
        <translation>Den gewählten Krampf löschen</translation>
    </message>
    <message>
        <source>Medicines…</source>
        <translation>Medikamente…</translation>
    </message>
    <message>
        <source>My medicines</source>
        <translation>Meine Medikamente</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Ratgeber</translation>
    </message>
    <message>
        <source>Guidance pages</source>
        <translation>Ratgeberseiten</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Als PDF…</translation>
    </message>
    <message>
        <source>Export a one-page PDF for the doctor</source>
        <translation>Eine einseitige PDF für die Ärztin oder den Arzt speichern</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV…</translation>
    </message>
    <message>
        <source>Export the chosen nights as CSV</source>
        <translation>Die gewählten Nächte als CSV exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Stretches %n night(s) in a row</source>
        <translation>
            <numerusform>%n Nacht in Folge gedehnt</numerusform>
            <numerusform>%n Nächte in Folge gedehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}
{1} · {2}
{3} cramps a night</source>
        <translation>{0}
{1} · {2}
{3} Krämpfe pro Nacht</translation>
    </message>
    <message numerus="yes">
        <source>%n night(s)</source>
        <translation>
            <numerusform>%n Nacht</numerusform>
            <numerusform>%n Nächte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cramp(s)</source>
        <translation>
            <numerusform>%n Krampf</numerusform>
            <numerusform>%n Krämpfe</numerusform>
        </translation>
    </message>
    <message>
        <source>Cramps per week, and their average length</source>
        <translation>Krämpfe pro Woche und ihre durchschnittliche Dauer</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;●&lt;/span&gt; stretches done &amp;nbsp; &lt;span style=&apos;color:{0}&apos;&gt;○&lt;/span&gt; begun &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;•&lt;/span&gt; a cramp (ringed: it woke you)</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;●&lt;/span&gt; gedehnt &amp;nbsp; &lt;span style=&apos;color:{0}&apos;&gt;○&lt;/span&gt; begonnen &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;•&lt;/span&gt; ein Krampf (umrandet: hat Sie geweckt)</translation>
    </message>
    <message>
        <source>The diary could not be read: {0}</source>
        <translation>Das Tagebuch konnte nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <source>With stretches</source>
        <translation>Mit Dehnen</translation>
    </message>
    <message>
        <source>Without</source>
        <translation>Ohne</translation>
    </message>
    <message>
        <source>Cramp added.</source>
        <translation>Krampf eingetragen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Delete this cramp from the diary?
{0}</source>
        <translation>Diesen Krampf aus dem Tagebuch löschen?
{0}</translation>
    </message>
    <message>
        <source>Delete a cramp</source>
        <translation>Krampf löschen</translation>
    </message>
    <message>
        <source>Cramp deleted.</source>
        <translation>Krampf gelöscht.</translation>
    </message>
    <message>
        <source>The diary was not changed: {0}</source>
        <translation>Das Tagebuch wurde nicht geändert: {0}</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>{0} speichern</translation>
    </message>
    <message>
        <source>The {0} could not be saved: {1}</source>
        <translation>{0} konnte nicht gespeichert werden: {1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Gespeichert: {0}</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>calf</source>
        <translation>Wade</translation>
    </message>
    <message>
        <source>back of thigh</source>
        <translation>Oberschenkel hinten</translation>
    </message>
    <message>
        <source>front of thigh</source>
        <translation>Oberschenkel vorn</translation>
    </message>
    <message>
        <source>foot</source>
        <translation>Fuß</translation>
    </message>
    <message>
        <source>other</source>
        <translation>anderswo</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{1} {0}</translation>
    </message>
    <message>
        <source>pain {0}/10</source>
        <translation>Schmerz {0}/10</translation>
    </message>
    <message>
        <source>woke you</source>
        <translation>hat Sie geweckt</translation>
    </message>
    <message>
        <source>end not recorded</source>
        <translation>Ende nicht erfasst</translation>
    </message>
    <message>
        <source>past the emergency line</source>
        <translation>über der Notfallgrenze</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Stretches for the night, and help when a cramp strikes.</source>
        <translation>Dehnübungen für die Nacht – und Hilfe, wenn ein Krampf kommt.</translation>
    </message>
    <message>
        <source>Cramp now</source>
        <translation>Krampf jetzt</translation>
    </message>
    <message>
        <source>Start cramp relief now (C)</source>
        <translation>Krampfhilfe jetzt starten (C)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sound, voice, look, text size and language</source>
        <translation>Klang, Stimme, Aussehen, Schriftgröße und Sprache</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Your nights, cramps, and a report to take to the doctor</source>
        <translation>Ihre Nächte, Krämpfe und ein Bericht für die Arztpraxis</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Ratgeber</translation>
    </message>
    <message>
        <source>When to see a doctor, emergency signs, prevention tips</source>
        <translation>Wann zum Arzt, Notfallzeichen, Tipps zur Vorbeugung</translation>
    </message>
    <message>
        <source>Keys: C cramp now · Ctrl+Q quit · F11 full screen. In a routine: Space pause, ← back, → skip, Esc stop. In cramp relief: 1–4 where it cramps.</source>
        <translation>Tasten: C Krampf jetzt · Strg+Q beenden · F11 Vollbild. In einer Übungsfolge: Leertaste Pause, ← zurück, → weiter, Esc stoppen. In der Krampfhilfe: 1–4 wo es krampft.</translation>
    </message>
    <message>
        <source>Keyboard keys</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Hide window</source>
        <translation>Fenster ausblenden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Quit Nightstretch; reminders stop (Ctrl+Q)</source>
        <translation>Nightstretch beenden; die Erinnerungen hören auf (Strg+Q)</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>New routine…</source>
        <translation>Neue Übungsfolge…</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>Neue Übungsfolge</translation>
    </message>
    <message>
        <source>Make a routine of your own from the exercises</source>
        <translation>Eine eigene Übungsfolge aus den Übungen zusammenstellen</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Import a routine</source>
        <translation>Übungsfolge importieren</translation>
    </message>
    <message>
        <source>Add a routine file (you can also drop it on the window)</source>
        <translation>Eine Übungsfolgen-Datei hinzufügen (Sie können sie auch auf das Fenster ziehen)</translation>
    </message>
</context>
<context>
    <name>InfoScreen</name>
    <message>
        <source>{0}{1}, used for {2}</source>
        <translation>{0}{1}, eingesetzt bei {2}</translation>
    </message>
    <message>
        <source>Medicines and cramps</source>
        <translation>Medikamente und Krämpfe</translation>
    </message>
    <message>
        <source>The article names these medicines as possible causes of night leg cramps. If you take one, it is worth mentioning to your doctor.</source>
        <translation>Der Artikel nennt diese Medikamente als mögliche Ursache nächtlicher Beinkrämpfe. Wenn Sie eines davon nehmen, sollten Sie es Ihrer Ärztin oder Ihrem Arzt sagen.</translation>
    </message>
    <message>
        <source>The article&apos;s list is not complete: a medicine that is not on it is not known to be safe. Ask your doctor or pharmacist.</source>
        <translation>Die Liste des Artikels ist nicht vollständig: Ein Medikament, das nicht darauf steht, gilt damit nicht als unbedenklich. Fragen Sie Ihre Ärztin, Ihren Arzt oder Ihre Apotheke.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Ratgeber</translation>
    </message>
    <message>
        <source>Guidance pages</source>
        <translation>Ratgeberseiten</translation>
    </message>
    <message>
        <source>Page text</source>
        <translation>Seitentext</translation>
    </message>
</context>
<context>
    <name>KeepRunning</name>
    <message>
        <source>Nightstretch is still running</source>
        <translation>Nightstretch läuft weiter</translation>
    </message>
    <message>
        <source>Your reminders keep coming ({0}). Open or quit Nightstretch from this icon.</source>
        <translation>Ihre Erinnerungen kommen weiter ({0}). Über dieses Symbol öffnen oder beenden Sie Nightstretch.</translation>
    </message>
    <message>
        <source>Nightstretch keeps running in the background for your reminders ({0}). Start Nightstretch again to reopen this window; Quit (Ctrl+Q) ends it.</source>
        <translation>Nightstretch läuft für Ihre Erinnerungen im Hintergrund weiter ({0}). Starten Sie Nightstretch erneut, um dieses Fenster wieder zu öffnen; Beenden (Strg+Q) beendet es.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Quit Nightstretch; reminders stop until it starts</source>
        <translation>Nightstretch beenden; bis zum nächsten Start gibt es keine Erinnerungen</translation>
    </message>
</context>
<context>
    <name>MedicinesScreen</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>My medicines</source>
        <translation>Meine Medikamente</translation>
    </message>
    <message>
        <source>Your doctor will ask what you take. List your medicines here; those the article names as a possible cause of night leg cramps are marked “{0}”. A medicine the article does not name is not known to be safe: the article&apos;s list is not complete.</source>
        <translation>Ihre Ärztin oder Ihr Arzt wird fragen, was Sie einnehmen. Tragen Sie Ihre Medikamente hier ein; die, die der Artikel als mögliche Ursache nächtlicher Beinkrämpfe nennt, sind mit „{0}“ markiert. Ein Medikament, das der Artikel nicht nennt, gilt damit nicht als unbedenklich: Die Liste des Artikels ist nicht vollständig.</translation>
    </message>
    <message>
        <source>A medicine&apos;s name, e.g. from the box</source>
        <translation>Name eines Medikaments, z. B. von der Packung</translation>
    </message>
    <message>
        <source>Medicine name</source>
        <translation>Name des Medikaments</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add this medicine</source>
        <translation>Dieses Medikament hinzufügen</translation>
    </message>
    <message>
        <source>Medicines I take</source>
        <translation>Medikamente, die ich nehme</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the chosen medicine</source>
        <translation>Das gewählte Medikament entfernen</translation>
    </message>
    <message>
        <source>worth mentioning to your doctor</source>
        <translation>beim Arztbesuch ansprechen</translation>
    </message>
    <message>
        <source>not on the article&apos;s list — ask your doctor or pharmacist</source>
        <translation>nicht auf der Liste des Artikels — fragen Sie Ihre Ärztin, Ihren Arzt oder Ihre Apotheke</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>{0} — {1} ({2}, used for {3})</source>
        <translation>{0} — {1} ({2}, eingesetzt bei {3})</translation>
    </message>
    <message>
        <source>The list could not be read: {0}</source>
        <translation>Die Liste konnte nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <source>Not added: {0}</source>
        <translation>Nicht hinzugefügt: {0}</translation>
    </message>
    <message>
        <source>Added {0}: {1}.</source>
        <translation>{0} hinzugefügt: {1}.</translation>
    </message>
    <message>
        <source>Added {0}. It is {1}.</source>
        <translation>{0} hinzugefügt. Bitte {1}.</translation>
    </message>
    <message>
        <source>Not removed: {0}</source>
        <translation>Nicht entfernt: {0}</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Entfernt.</translation>
    </message>
</context>
<context>
    <name>NightCalendar</name>
    <message>
        <source>stretches done</source>
        <translation>gedehnt</translation>
    </message>
    <message>
        <source>stretches begun, not finished</source>
        <translation>Dehnen begonnen, nicht beendet</translation>
    </message>
    <message>
        <source>no stretches recorded</source>
        <translation>kein Dehnen eingetragen</translation>
    </message>
    <message>
        <source>1 cramp</source>
        <translation>1 Krampf</translation>
    </message>
    <message>
        <source>{0} cramps</source>
        <translation>{0} Krämpfe</translation>
    </message>
    <message>
        <source>no cramps</source>
        <translation>keine Krämpfe</translation>
    </message>
    <message>
        <source>woke you</source>
        <translation>hat Sie geweckt</translation>
    </message>
    <message>
        <source>Calendar of nights</source>
        <translation>Kalender der Nächte</translation>
    </message>
</context>
<context>
    <name>NightstretchApp</name>
    <message>
        <source>No reminder</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <source>Reminder at {0}</source>
        <translation>Erinnerung um {0}</translation>
    </message>
    <message>
        <source>Skipped {0}</source>
        <translation>Übersprungen: {0}</translation>
    </message>
    <message>
        <source>The journal was damaged; it was kept as {0} and a new one was started.</source>
        <translation>Das Tagebuch war beschädigt; es wurde als {0} aufbewahrt und ein neues angelegt.</translation>
    </message>
    <message>
        <source>The journal cannot be used, so nothing will be saved: {0}</source>
        <translation>Das Tagebuch ist nicht nutzbar, daher wird nichts gespeichert: {0}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The diary cannot be used, so there is no history to show.</source>
        <translation>Das Tagebuch ist nicht nutzbar, daher gibt es keinen Verlauf.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Ratgeber</translation>
    </message>
    <message>
        <source>The diary cannot be used, so medicines cannot be kept.</source>
        <translation>Das Tagebuch ist nicht nutzbar, daher können keine Medikamente gespeichert werden.</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Medikamente</translation>
    </message>
    <message>
        <source>Start at login could not be changed in {0}: {1}</source>
        <translation>Der Start bei der Anmeldung konnte in {0} nicht geändert werden: {1}</translation>
    </message>
    <message>
        <source>Settings could not be saved to {0}: {1}</source>
        <translation>Die Einstellungen konnten nicht in {0} gespeichert werden: {1}</translation>
    </message>
</context>
<context>
    <name>PlayerScreen</name>
    <message>
        <source>Left leg</source>
        <translation>Linkes Bein</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Rechtes Bein</translation>
    </message>
    <message>
        <source>Routine progress</source>
        <translation>Fortschritt der Übungsfolge</translation>
    </message>
    <message>
        <source>Switch legs</source>
        <translation>Bein wechseln</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Go to the previous stretch (Left arrow)</source>
        <translation>Zur vorigen Dehnung (Pfeil links)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause or resume (Space)</source>
        <translation>Anhalten oder fortsetzen (Leertaste)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Go on to the next step (Right arrow)</source>
        <translation>Zum nächsten Schritt (Pfeil rechts)</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Restart step</source>
        <translation>Schritt neu beginnen</translation>
    </message>
    <message>
        <source>Start this step again (R)</source>
        <translation>Diesen Schritt neu beginnen (R)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>Schritt {0} von {1}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Als Nächstes: {0}</translation>
    </message>
    <message>
        <source>Last one</source>
        <translation>Die letzte</translation>
    </message>
    <message>
        <source>End the routine now</source>
        <translation>Die Übungsfolge jetzt beenden</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Jetzt beenden</translation>
    </message>
    <message>
        <source>Keys: Space pause · ← back · → skip · R restart · Esc stop · C cramp now</source>
        <translation>Tasten: Leertaste Pause · ← zurück · → weiter · R neu · Esc stoppen · C Krampf jetzt</translation>
    </message>
    <message>
        <source>Keyboard keys</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Now: {0}</source>
        <translation>Jetzt: {0}</translation>
    </message>
    <message>
        <source>Change to the other leg and settle in.</source>
        <translation>Wechseln Sie zum anderen Bein und kommen Sie zur Ruhe.</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Coming up: {0}</source>
        <translation>Gleich: {0}</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Bereit machen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Until it eases</source>
        <translation>Bis es nachlässt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>get ready</source>
        <translation>bereit machen</translation>
    </message>
    <message>
        <source>switch</source>
        <translation>wechseln</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Tipp</translation>
    </message>
    <message>
        <source>so far</source>
        <translation>bisher</translation>
    </message>
    <message>
        <source>Relax</source>
        <translation>Locker lassen</translation>
    </message>
    <message>
        <source>Let the muscle go loose.</source>
        <translation>Den Muskel locker lassen.</translation>
    </message>
    <message>
        <source>relax</source>
        <translation>locker</translation>
    </message>
    <message>
        <source>Hold {0} of {1}</source>
        <translation>Durchgang {0} von {1}</translation>
    </message>
</context>
<context>
    <name>PreventionTips</name>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Back to the main screen</source>
        <translation>Zurück zum Startbildschirm</translation>
    </message>
</context>
<context>
    <name>ReliefFlow</name>
    <message>
        <source>The cramp-relief routine could not be loaded.</source>
        <translation>Die Krampfhilfe konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Cramp relief is running</source>
        <translation>Die Krampfhilfe läuft</translation>
    </message>
    <message>
        <source>The journal cannot be used, so this cramp was not saved.</source>
        <translation>Das Tagebuch ist nicht nutzbar, daher wurde dieser Krampf nicht gespeichert.</translation>
    </message>
    <message>
        <source>Saved in your diary. Add details if you like, or just press Save.</source>
        <translation>Im Tagebuch gespeichert. Ergänzen Sie Einzelheiten, wenn Sie möchten, oder drücken Sie einfach Speichern.</translation>
    </message>
    <message>
        <source>This cramp could not be saved: {0}</source>
        <translation>Dieser Krampf konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Not a cramp: nothing was kept in your diary.</source>
        <translation>Kein Krampf: nichts wurde im Tagebuch behalten.</translation>
    </message>
</context>
<context>
    <name>ReliefScreen</name>
    <message>
        <source>How long the cramp has lasted</source>
        <translation>Wie lange der Krampf schon dauert</translation>
    </message>
    <message>
        <source>Step {0} of {1}: {2}. Hold until it eases.</source>
        <translation>Schritt {0} von {1}: {2}. Halten, bis es nachlässt.</translation>
    </message>
    <message>
        <source>Step {0} of {1}: {2}. Try this.</source>
        <translation>Schritt {0} von {1}: {2}. Probieren Sie das.</translation>
    </message>
    <message>
        <source>Lasted {0}</source>
        <translation>Dauer {0}</translation>
    </message>
    <message>
        <source>Cramp {0}</source>
        <translation>Krampf {0}</translation>
    </message>
    <message>
        <source>Calf relief starts in {0} s</source>
        <translation>Wadenhilfe beginnt in {0} s</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>Schritt {0} von {1}</translation>
    </message>
    <message>
        <source>Hold until it eases</source>
        <translation>Halten, bis es nachlässt</translation>
    </message>
    <message>
        <source>Try this</source>
        <translation>Probieren Sie das</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Als Nächstes: {0}</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>halten</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Tipp</translation>
    </message>
    <message>
        <source>Glad it is easing.</source>
        <translation>Schön, dass es nachlässt.</translation>
    </message>
    <message>
        <source>Relief ended.</source>
        <translation>Krampfhilfe beendet.</translation>
    </message>
    <message>
        <source>The cramp lasted {0}.</source>
        <translation>Der Krampf dauerte {0}.</translation>
    </message>
    <message>
        <source>Cramp relief</source>
        <translation>Krampfhilfe</translation>
    </message>
    <message>
        <source>Calf</source>
        <translation>Wade</translation>
    </message>
    <message>
        <source>Back of thigh</source>
        <translation>Oberschenkel
hinten</translation>
    </message>
    <message>
        <source>Front of thigh</source>
        <translation>Oberschenkel
vorn</translation>
    </message>
    <message>
        <source>Foot</source>
        <translation>Fuß</translation>
    </message>
    <message>
        <source>Timed from about {0} min before relief opened.</source>
        <translation>Gemessen ab etwa {0} Min. vor dem Öffnen der Hilfe.</translation>
    </message>
    <message>
        <source>The same cramp: its clock goes on from {0}.</source>
        <translation>Derselbe Krampf: seine Uhr läuft weiter ab {0}.</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>noch {0}</translation>
    </message>
    <message>
        <source>Nearly 10 minutes: {0} to the emergency line.</source>
        <translation>Fast 10 Minuten: noch {0} bis zur Notfallgrenze.</translation>
    </message>
</context>
<context>
    <name>ReminderDesk</name>
    <message>
        <source>Reminders come from the Nightstretch that is already open.</source>
        <translation>Erinnerungen kommen von dem Nightstretch, das schon geöffnet ist.</translation>
    </message>
    <message>
        <source>{0}. Snoozed reminder.</source>
        <translation>{0}. Verschobene Erinnerung.</translation>
    </message>
    <message>
        <source>{0}. Reminder for {1}.</source>
        <translation>{0}. Erinnerung für {1} Uhr.</translation>
    </message>
    <message>
        <source>Time for your bedtime stretches</source>
        <translation>Zeit für Ihre Dehnübungen vor dem Schlafen</translation>
    </message>
    <message>
        <source>The reminders could not be saved: {0}</source>
        <translation>Die Erinnerungen konnten nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Tonight&apos;s reminder skipped: you stretched at {0}</source>
        <translation>Erinnerung heute Abend entfällt: Sie haben um {0} gedehnt</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>Reminder on</source>
        <translation>Erinnerung an</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Uhrzeit der Erinnerung</translation>
    </message>
    <message>
        <source>Remind on {0}</source>
        <translation>Erinnern am {0}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this reminder</source>
        <translation>Diese Erinnerung entfernen</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>Reminders off</source>
        <translation>Erinnerungen aus</translation>
    </message>
    <message>
        <source>Next reminder: tonight {0}</source>
        <translation>Nächste Erinnerung: heute Abend {0}</translation>
    </message>
    <message>
        <source>Next reminder: today {0}</source>
        <translation>Nächste Erinnerung: heute {0}</translation>
    </message>
    <message>
        <source>Next reminder: tomorrow {0}</source>
        <translation>Nächste Erinnerung: morgen {0}</translation>
    </message>
    <message>
        <source>Next reminder: {0} {1}</source>
        <translation>Nächste Erinnerung: {0} {1}</translation>
    </message>
    <message>
        <source>The reminder record {0} could not be read ({1}), so reminders start afresh.</source>
        <extracomment>False in an app that does not run the reminders (another one does): it must not write its stale copy of what fired over the running one&apos;s.</extracomment>
        <translation>Die Erinnerungsliste {0} konnte nicht gelesen werden ({1}); die Erinnerungen beginnen neu.</translation>
    </message>
    <message>
        <source>It was kept as {0}.</source>
        <translation>Sie wurde als {0} aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Start now</source>
        <translation>Jetzt starten</translation>
    </message>
    <message>
        <source>Snooze {0} min</source>
        <translation>{0} Min. später</translation>
    </message>
    <message>
        <source>Skip tonight</source>
        <translation>Heute nicht</translation>
    </message>
    <message>
        <source>{0}
Click to start.</source>
        <translation>{0}
Zum Starten klicken.</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <source>Reminders for {0}</source>
        <translation>Erinnerungen für {0}</translation>
    </message>
    <message>
        <source>When should Nightstretch remind you to stretch?</source>
        <translation>Wann soll Nightstretch Sie ans Dehnen erinnern?</translation>
    </message>
    <message>
        <source>No reminders for this routine.</source>
        <translation>Keine Erinnerungen für diese Übungsfolge.</translation>
    </message>
    <message>
        <source>Add a reminder</source>
        <translation>Erinnerung hinzufügen</translation>
    </message>
    <message>
        <source>Use the routine&apos;s own times</source>
        <translation>Zeiten der Übungsfolge nehmen</translation>
    </message>
    <message>
        <source>Go back to the reminders written in the routine file</source>
        <translation>Zu den Erinnerungen aus der Datei der Übungsfolge zurückkehren</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Night leg cramps: diary for my doctor</source>
        <translation>Nächtliche Beinkrämpfe: Tagebuch für meine Arztpraxis</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>no such nights</source>
        <translation>keine solchen Nächte</translation>
    </message>
    <message>
        <source>{0} ({1} in 1 night)</source>
        <translation>{0} ({1} in 1 Nacht)</translation>
    </message>
    <message>
        <source>{0} ({1} in {2} nights)</source>
        <translation>{0} ({1} in {2} Nächten)</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>calf</source>
        <translation>Wade</translation>
    </message>
    <message>
        <source>back of thigh</source>
        <translation>Oberschenkel hinten</translation>
    </message>
    <message>
        <source>front of thigh</source>
        <translation>Oberschenkel vorn</translation>
    </message>
    <message>
        <source>foot</source>
        <translation>Fuß</translation>
    </message>
    <message>
        <source>other</source>
        <translation>anderswo</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>Nacht</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>Bein</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>Woke</source>
        <translation>Geweckt</translation>
    </message>
    <message>
        <source>Swelling / numb / skin</source>
        <translation>Schwellung / taub / Haut</translation>
    </message>
    <message>
        <source>Other body parts</source>
        <translation>Auch anderswo</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Geholfen hat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Nights from {0} to {1}. A night runs from noon to noon, so a cramp at 02:00 counts with the evening before.</source>
        <translation>Nächte von {0} bis {1}. Eine Nacht reicht von Mittag bis Mittag; ein Krampf um 02:00 zählt also zum Abend davor.</translation>
    </message>
    <message>
        <source>Made on {0}.</source>
        <translation>Erstellt am {0}.</translation>
    </message>
    <message>
        <source>Done all the way through on {0} of {1} nights recorded (begun but stopped early on {2}).</source>
        <translation>An {0} von {1} eingetragenen Nächten ganz durchgeführt (an {2} begonnen, aber vorzeitig beendet).</translation>
    </message>
    <message>
        <source>Cramps per night with the routine: {0}; without it: {1}.</source>
        <translation>Krämpfe pro Nacht mit der Übungsfolge: {0}; ohne sie: {1}.</translation>
    </message>
    <message>
        <source>None listed.</source>
        <translation>Keine eingetragen.</translation>
    </message>
    <message>
        <source>worth mentioning to your doctor</source>
        <translation>beim Arztbesuch ansprechen</translation>
    </message>
    <message>
        <source>not on the article&apos;s list — ask your doctor or pharmacist</source>
        <translation>nicht auf der Liste des Artikels — fragen Sie Ihre Ärztin, Ihren Arzt oder Ihre Apotheke</translation>
    </message>
    <message>
        <source>{0}, used for {1}</source>
        <translation>{0}, eingesetzt bei {1}</translation>
    </message>
    <message>
        <source>Bedtime stretches</source>
        <translation>Dehnen vor dem Schlafen</translation>
    </message>
    <message>
        <source>Cramps ({0})</source>
        <translation>Krämpfe ({0})</translation>
    </message>
    <message>
        <source>…and {0} more (all are in the CSV export).</source>
        <translation>…und {0} weitere (alle stehen im CSV-Export).</translation>
    </message>
    <message>
        <source>No cramps recorded in this period.</source>
        <translation>In diesem Zeitraum wurden keine Krämpfe eingetragen.</translation>
    </message>
    <message>
        <source>Medicines I take</source>
        <translation>Medikamente, die ich nehme</translation>
    </message>
    <message>
        <source>Signs worth talking about</source>
        <translation>Anzeichen, über die wir sprechen sollten</translation>
    </message>
    <message>
        <source>Emergency sign</source>
        <translation>Notfallzeichen</translation>
    </message>
    <message>
        <source>None of the signs the app looks for were recorded.</source>
        <translation>Keines der Anzeichen, auf die die App achtet, wurde eingetragen.</translation>
    </message>
</context>
<context>
    <name>ReportRange</name>
    <message>
        <source>Report from this night</source>
        <translation>Bericht ab dieser Nacht</translation>
    </message>
    <message>
        <source>Report up to this night</source>
        <translation>Bericht bis zu dieser Nacht</translation>
    </message>
    <message>
        <source>Nights from</source>
        <translation>Nächte vom</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>RoutineCard</name>
    <message>
        <source>{0} in all</source>
        <translation>{0} insgesamt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start {0}</source>
        <translation>{0} starten</translation>
    </message>
    <message>
        <source>Start {0} now ({1})</source>
        <translation>{0} jetzt starten ({1})</translation>
    </message>
    <message>
        <source>Reminders…</source>
        <translation>Erinnerungen…</translation>
    </message>
    <message>
        <source>Reminders for {0}</source>
        <translation>Erinnerungen für {0}</translation>
    </message>
    <message>
        <source>Change when to be reminded of {0}</source>
        <translation>Ändern, wann an {0} erinnert wird</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit routine {0}</source>
        <translation>Übungsfolge {0} bearbeiten</translation>
    </message>
    <message>
        <source>Change the steps and timings of {0}</source>
        <translation>Schritte und Zeiten von {0} ändern</translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to {0}?</source>
        <translation>Die Änderungen an {0} speichern?</translation>
    </message>
    <message>
        <source>The file changed</source>
        <translation>Die Datei wurde geändert</translation>
    </message>
    <message>
        <source>{0} was changed outside Nightstretch. Load it as it is now?</source>
        <translation>{0} wurde außerhalb von Nightstretch geändert. So laden, wie sie jetzt ist?</translation>
    </message>
    <message>
        <source>Load the file</source>
        <translation>Datei laden</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>Meine Fassung behalten</translation>
    </message>
    <message>
        <source>Each leg in turn, left first</source>
        <translation>Jedes Bein nacheinander, links zuerst</translation>
    </message>
    <message>
        <source>Each leg in turn, right first</source>
        <translation>Jedes Bein nacheinander, rechts zuerst</translation>
    </message>
    <message>
        <source>Left leg only</source>
        <translation>Nur das linke Bein</translation>
    </message>
    <message>
        <source>Right leg only</source>
        <translation>Nur das rechte Bein</translation>
    </message>
    <message>
        <source>Both legs at once</source>
        <translation>Beide Beine zugleich</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>is required but missing</source>
        <translation>fehlt, wird aber gebraucht</translation>
    </message>
    <message>
        <source>unknown exercise {0}</source>
        <translation>unbekannte Übung {0}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Bereit machen</translation>
    </message>
    <message>
        <source>Switch legs</source>
        <translation>Bein wechseln</translation>
    </message>
    <message>
        <source>Rest between exercises</source>
        <translation>Pause zwischen den Übungen</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Beine</translation>
    </message>
    <message>
        <source>Holds on each leg</source>
        <translation>Durchgänge je Bein</translation>
    </message>
    <message>
        <source>Rest between holds</source>
        <translation>Pause zwischen den Durchgängen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Step {0}</source>
        <translation>Schritt {0}</translation>
    </message>
    <message>
        <source>Reminder {0}</source>
        <translation>Erinnerung {0}</translation>
    </message>
    <message>
        <source>left, then right</source>
        <translation>links, dann rechts</translation>
    </message>
    <message>
        <source>right, then left</source>
        <translation>rechts, dann links</translation>
    </message>
    <message>
        <source>left leg</source>
        <translation>linkes Bein</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>rechtes Bein</translation>
    </message>
    <message>
        <source>both legs</source>
        <translation>beide Beine</translation>
    </message>
    <message>
        <source>add at least one exercise</source>
        <translation>mindestens eine Übung hinzufügen</translation>
    </message>
    <message>
        <source>{0} in all</source>
        <translation>{0} insgesamt</translation>
    </message>
    <message>
        <source>Change {0}</source>
        <translation>{0} ändern</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>{0} hinzufügen</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Schritt entfernen</translation>
    </message>
    <message>
        <source>Move step</source>
        <translation>Schritt verschieben</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} konnte nicht gespeichert werden: {1}</translation>
    </message>
    <message>
        <source>this routine</source>
        <translation>diese Übungsfolge</translation>
    </message>
    <message>
        <source>The file cannot be loaded: {0}</source>
        <translation>Die Datei kann nicht geladen werden: {0}</translation>
    </message>
</context>
<context>
    <name>RoutineFlow</name>
    <message>
        <source>There is no routine called {0}.</source>
        <translation>Es gibt keine Übungsfolge namens {0}.</translation>
    </message>
    <message>
        <source>A guided stretching routine is running</source>
        <translation>Eine geführte Dehnübungsfolge läuft</translation>
    </message>
    <message>
        <source>{0} The routine runs silently.</source>
        <translation>{0} Die Übungsfolge läuft ohne Ton.</translation>
    </message>
    <message>
        <source>{0} The routine carries on silently.</source>
        <translation>{0} Die Übungsfolge läuft ohne Ton weiter.</translation>
    </message>
    <message>
        <source>This session could not be saved: {0}</source>
        <translation>Diese Übungseinheit konnte nicht gespeichert werden: {0}</translation>
    </message>
</context>
<context>
    <name>RoutineForm</name>
    <message>
        <source>Get ready</source>
        <translation>Bereit machen</translation>
    </message>
    <message>
        <source>Switch legs</source>
        <translation>Bein wechseln</translation>
    </message>
    <message>
        <source>Rest between exercises</source>
        <translation>Pause zwischen den Übungen</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Night look after dark</source>
        <translation>Nachtansicht bei Dunkelheit</translation>
    </message>
    <message>
        <source>Always the night look</source>
        <translation>Immer die Nachtansicht</translation>
    </message>
    <message>
        <source>Always the day look</source>
        <translation>Immer die Tagesansicht</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Groß</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Größer</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Am größten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Soft sound cues</source>
        <translation>Sanfte Klangsignale</translation>
    </message>
    <message>
        <source>Spoken guidance</source>
        <translation>Gesprochene Anleitung</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Speaking speed</source>
        <translation>Sprechtempo</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Aussehen</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Black, white and yellow, with thick outlines</source>
        <translation>Schwarz, Weiß und Gelb, mit dicken Rändern</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Weniger Bewegung</translation>
    </message>
    <message>
        <source>The countdown ring moves once a second instead of smoothly</source>
        <translation>Der Countdown-Ring springt einmal pro Sekunde statt gleichmäßig zu laufen</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Applies when Nightstretch starts</source>
        <translation>Gilt ab dem nächsten Start von Nightstretch</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Start at login, in the tray</source>
        <translation>Bei der Anmeldung starten, im Infobereich</translation>
    </message>
    <message>
        <source>So bedtime reminders come even if you never open Nightstretch</source>
        <translation>Damit die Erinnerungen vor dem Schlafen kommen, auch wenn Sie Nightstretch nie öffnen</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Im Infobereich weiterlaufen, wenn das Fenster geschlossen ist</translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>Die neue Sprache gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Close and reopen Nightstretch in the chosen language</source>
        <translation>Nightstretch schließen und in der gewählten Sprache wieder öffnen</translation>
    </message>
    <message>
        <source>Language (after a restart)</source>
        <translation>Sprache (nach Neustart)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Zurück zum Start</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>SoundProblem</name>
    <message>
        <source>No sound device found; cues are off.</source>
        <translation>Kein Audiogerät gefunden; die Signaltöne sind aus.</translation>
    </message>
    <message>
        <source>Sound cues need Qt Multimedia, which could not be loaded; cues are off.</source>
        <translation>Die Signaltöne brauchen Qt Multimedia, das nicht geladen werden konnte; die Signaltöne sind aus.</translation>
    </message>
    <message>
        <source>Missing sound files: {0}; those cues are off.</source>
        <translation>Fehlende Tondateien: {0}; diese Signaltöne sind aus.</translation>
    </message>
    <message>
        <source>The sound device could not play the cues; cues are off.</source>
        <translation>Das Audiogerät konnte die Signaltöne nicht abspielen; die Signaltöne sind aus.</translation>
    </message>
    <message>
        <source>Voice guidance needs Qt TextToSpeech, which could not be loaded; voice is off.</source>
        <translation>Die Sprachführung braucht Qt TextToSpeech, das nicht geladen werden konnte; die Stimme ist aus.</translation>
    </message>
    <message>
        <source>This computer has no speech service, so there is no spoken guidance. To hear it, install speech-dispatcher and a voice (espeak-ng), then start Nightstretch again.</source>
        <translation>Dieser Computer hat keinen Sprachdienst, darum gibt es keine gesprochene Anleitung. Um sie zu hören, installieren Sie speech-dispatcher und eine Stimme (espeak-ng) und starten Nightstretch dann neu.</translation>
    </message>
    <message>
        <source>The speech engine {0} is not installed, so there is no spoken guidance. To hear it, install speech-dispatcher and a voice (espeak-ng).</source>
        <translation>Die Sprachausgabe {0} ist nicht installiert, darum gibt es keine gesprochene Anleitung. Um sie zu hören, installieren Sie speech-dispatcher und eine Stimme (espeak-ng).</translation>
    </message>
    <message>
        <source>The computer&apos;s speech service did not start, so there is no spoken guidance. To hear it, install speech-dispatcher and a voice (espeak-ng), then start Nightstretch again.</source>
        <translation>Der Sprachdienst des Computers ist nicht gestartet, darum gibt es keine gesprochene Anleitung. Um sie zu hören, installieren Sie speech-dispatcher und eine Stimme (espeak-ng) und starten Nightstretch dann neu.</translation>
    </message>
    <message>
        <source>The computer&apos;s speech service stopped working, so spoken guidance is off. If this keeps happening, reinstall speech-dispatcher and espeak-ng.</source>
        <translation>Der Sprachdienst des Computers funktioniert nicht mehr, darum ist die gesprochene Anleitung aus. Wenn das öfter passiert, installieren Sie speech-dispatcher und espeak-ng neu.</translation>
    </message>
    <message>
        <source>The speech engine is not responding; voice guidance is off.</source>
        <translation>Die Sprachausgabe antwortet nicht; die Sprachführung ist aus.</translation>
    </message>
    <message>
        <source>The voice helper could not start; voice guidance is off.</source>
        <translation>Der Sprachhelfer konnte nicht starten; die Sprachführung ist aus.</translation>
    </message>
    <message>
        <source>The voice stopped working; voice guidance is off.</source>
        <translation>Die Stimme funktioniert nicht mehr; die Sprachführung ist aus.</translation>
    </message>
    <message>
        <source>Voice guidance is not available.</source>
        <translation>Die Sprachführung ist nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Beine</translation>
    </message>
    <message>
        <source>Holds on each leg</source>
        <translation>Durchgänge je Bein</translation>
    </message>
    <message>
        <source>Rest between holds</source>
        <translation>Pause zwischen den Durchgängen</translation>
    </message>
    <message>
        <source>Add an exercise to begin.</source>
        <translation>Fügen Sie zuerst eine Übung hinzu.</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Alt+Up and Alt+Down move the chosen step</source>
        <translation>Alt+Pfeil hoch und Alt+Pfeil runter verschieben den gewählten Schritt</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>How long this step has lasted</source>
        <translation>Wie lange dieser Schritt schon dauert</translation>
    </message>
    <message>
        <source>Easing / gone</source>
        <translation>Besser / weg</translation>
    </message>
    <message>
        <source>Easing or gone</source>
        <translation>Besser oder weg</translation>
    </message>
    <message>
        <source>The cramp is easing or gone: end relief (Enter or E)</source>
        <translation>Der Krampf lässt nach oder ist weg: Krampfhilfe beenden (Eingabe oder E)</translation>
    </message>
    <message>
        <source>Still cramping — next</source>
        <translation>Krampft noch — weiter</translation>
    </message>
    <message>
        <source>Still cramping, next step</source>
        <translation>Krampft noch, nächster Schritt</translation>
    </message>
    <message>
        <source>Try the next step (N or Right arrow)</source>
        <translation>Den nächsten Schritt versuchen (N oder Pfeil rechts)</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>End relief</source>
        <translation>Krampfhilfe beenden</translation>
    </message>
    <message>
        <source>End relief now (Esc)</source>
        <translation>Krampfhilfe jetzt beenden (Esc)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back one step</source>
        <translation>Einen Schritt zurück</translation>
    </message>
    <message>
        <source>The step before, or back to where the cramp is (Left arrow)</source>
        <translation>Der Schritt davor, oder zurück zur Frage, wo der Krampf ist (Pfeil links)</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>Less: {0}</source>
        <translation>Weniger: {0}</translation>
    </message>
    <message>
        <source>More: {0}</source>
        <translation>Mehr: {0}</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Cramp now</source>
        <translation>Krampf jetzt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Pause reminders tonight</source>
        <translation>Heute keine Erinnerungen mehr</translation>
    </message>
    <message>
        <source>Open Nightstretch</source>
        <translation>Nightstretch öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message numerus="yes">
        <source>%n second(s) to undo</source>
        <translation>
            <numerusform>Noch %n Sekunde</numerusform>
            <numerusform>Noch %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekChart</name>
    <message>
        <source>Week of {0}: 1 cramp</source>
        <translation>Woche ab {0}: 1 Krampf</translation>
    </message>
    <message>
        <source>Week of {0}: {1} cramps</source>
        <translation>Woche ab {0}: {1} Krämpfe</translation>
    </message>
    <message>
        <source>{0}, {1} on average</source>
        <translation>{0}, im Schnitt {1}</translation>
    </message>
    <message>
        <source>Cramps per week</source>
        <translation>Krämpfe pro Woche</translation>
    </message>
</context>
</TS>
