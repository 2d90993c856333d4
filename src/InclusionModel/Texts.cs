using System.Collections.Frozen;
using System.Globalization;

namespace InclusionModel;

/// <summary>
/// Every sentence the library writes for people, in English and in Swedish (docs/interchange-contract.md §9),
/// chosen by <see cref="CultureInfo.CurrentUICulture"/>: a culture whose name is <c>sv</c> or starts with
/// <c>sv-</c> gives Swedish, any other English. What programs read (rule ids, JSON keys, enum values, figure
/// names, exit codes) is never in this table.
/// </summary>
/// <remarks>
/// Compiled tables rather than <c>.resx</c> satellite assemblies, as FluentValidation keeps its own: the
/// command runs with invariant globalization and no satellite lookup, a trimmed or single-file host keeps
/// them without configuration, and a test reads the whole table to check that every key has both languages
/// with the same placeholders (docs/contract.md). Words follow the glossary of docs/domain.md.
/// </remarks>
internal static class Texts
{
    private static readonly FrozenDictionary<string, (string En, string Sv)> Table = new Dictionary<string, (string En, string Sv)>
    {
        // Violations (docs/interchange-contract.md §3)
        ["violation.at-event"] = ("{0} at event {1} ({2}): {3}", "{0} vid händelse {1} ({2}): {3}"),
        ["violation.unknown-program"] = ("'{0}' is not a known program", "'{0}' är inget känt program"),
        ["violation.unknown-event"] = ("'{0}' is not an event type of the contract", "'{0}' är ingen händelsetyp i kontraktet"),
        ["violation.unknown-phase"] = ("'{0}' is not a phase of {1} (phases: {2})", "'{0}' är ingen fas i {1} (faser: {2})"),
        ["violation.date-order"] = ("dated {0}, before the previous event ({1})", "daterad {0}, före föregående händelse ({1})"),
        ["violation.future-date"] = ("dated {0}, after the as-of date {1}", "daterad {0}, efter avstämningsdagen {1}"),
        ["violation.first-event"] = ("'{0}' cannot be the first event of an episode; an episode begins with 'referred'", "'{0}' kan inte vara den första händelsen i en inskrivningsperiod; en period börjar med 'referred' (anvisad)"),
        ["violation.transition"] = ("'{0}' is not allowed from state '{1}'", "'{0}' är inte tillåten från tillståndet '{1}'"),
        ["violation.phase-order"] = ("'{0}' is not the next phase after '{1}'; expected {2}", "'{0}' är inte nästa fas efter '{1}'; väntad: {2}"),
        ["violation.phase-order.none"] = ("no further phase", "ingen fler fas"),
        ["violation.phase-order.or"] = (" or ", " eller "),
        ["violation.outside-window"] = ("enrolled on {0}, outside the enrolment window of {1} ({2})", "inskriven {0}, utanför intagsperioden för {1} ({2})"),
        ["violation.capacity"] = ("{0} has {1} places in total and they are all taken", "{0} har {1} platser totalt och alla är tagna"),
        ["violation.min-duration"] = ("{0} lasted {1}; at least {2}", "{0} varade {1}; minst {2}"),
        ["violation.max-duration"] = ("{0} lasted {1}; at most {2}", "{0} varade {1}; högst {2}"),
        ["violation.max-duration.open"] = ("{0} has lasted {1} by {3}; at most {2}", "{0} har varat {1} den {3}; högst {2}"),
        ["violation.study-days"] = ("{0} study days a week in {1}; at most {2}", "{0} studiedagar i veckan i {1}; högst {2}"),
        ["violation.outcome-required"] = ("an exit with reason '{0}' needs an outcome", "ett avslut med orsaken '{0}' behöver ett utfall"),
        ["violation.completed-too-early"] = ("exited as completed from '{0}'; completion is only from the last phase ('{1}')", "avslutad som fullföljd från '{0}'; fullföljd är bara från sista fasen ('{1}')"),
        ["violation.pii"] = ("the participant id is or holds a personal identity or coordination number; use a pseudonymous id (the id is not repeated here)", "deltagar-id:t är eller innehåller ett person- eller samordningsnummer; använd ett pseudonymt id (id:t upprepas inte här)"),
        ["violation.duplicate"] = ("an earlier line of this run has the same participant and program; a participant who comes back belongs in one record, as a new episode", "en tidigare rad i körningen har samma deltagare och program; en deltagare som kommer tillbaka hör till samma post, som en ny inskrivningsperiod"),
        ["duration.month"] = ("1 month", "1 månad"),
        ["duration.months"] = ("{0} months", "{0} månader"),
        ["duration.day"] = ("1 day", "1 dag"),
        ["duration.days"] = ("{0} days", "{0} dagar"),
        ["duration.and"] = ("{0} and {1}", "{0} och {1}"),
        ["duration.net"] = ("{0} net of {1} paused days", "{0} utöver {1} dagars uppehåll"),
        ["duration.negative"] = ("less than no time (it ends before it starts)", "mindre än ingen tid (den slutar innan den börjar)"),

        // The text report of a validation run (§4)
        ["text.invalid"] = ("line {0}: {1} in {2} is invalid (state {3}): {4}", "rad {0}: {1} i {2} är ogiltig (tillstånd {3}): {4}"),
        ["text.withheld"] = ("(id withheld)", "(id undanhållet)"),
        ["text.no-state"] = ("none", "inget"),
        ["text.malformed"] = ("line {0}: malformed: {1}", "rad {0}: felformad: {1}"),
        ["text.summary"] = ("{0}: {1} valid, {2} invalid, {3} malformed (as of {4})", "{0}: {1} giltiga, {2} ogiltiga, {3} felformade (per {4})"),
        ["text.record"] = ("1 record", "1 post"),
        ["text.records"] = ("{0} records", "{0} poster"),
        ["special-category"] = (
            "NOTE: this output holds special-category personal data (GDPR art. 9): taking part in {0} reveals a self-declared national minority; store and share it accordingly.",
            "OBS: utdata innehåller känsliga personuppgifter (GDPR art. 9): deltagande i {0} röjer en självidentifierad nationell minoritet; lagra och dela dem därefter."),
        ["input-changed"] = (
            "the input changed while it was read (from line {0} on, the second pass read other bytes than the first); validate a copy that is not being written",
            "indata ändrades medan de lästes (från rad {0}, andra genomläsningen läste andra byte än den första); validera en kopia som inte skrivs till"),
        ["line"] = ("line {0}: {1}", "rad {0}: {1}"),
        ["window"] = ("{0} to {1}", "{0} till {1}"),
        ["window.no-start"] = ("(no start)", "(ingen start)"),
        ["window.no-end"] = ("(no end)", "(inget slut)"),

        // Malformed lines (§1)
        ["reader.not-json"] = ("not valid JSON (at byte {0})", "inte giltig JSON (vid byte {0})"),
        ["reader.not-utf8"] = ("not valid UTF-8 text (near byte {0})", "inte giltig UTF-8-text (nära byte {0})"),
        ["reader.empty"] = ("empty line", "tom rad"),
        ["reader.not-object"] = ("not a JSON object (found {0})", "inget JSON-objekt (hittade {0})"),
        ["reader.not-record-field"] = ("'{0}' is not a field of a participant record (fields: participant, program, gender, birthDate, educationLevel, events)", "'{0}' är inget fält i en deltagarpost (fält: participant, program, gender, birthDate, educationLevel, events)"),
        ["reader.repeated-field"] = ("field '{0}' appears more than once", "fältet '{0}' förekommer mer än en gång"),
        ["reader.participant-length"] = ("'participant' must have 1–{0} characters, has {1}", "'participant' måste ha 1–{0} tecken, har {1}"),
        ["reader.trailing-text"] = ("more text after the JSON object (one record per line)", "mer text efter JSON-objektet (en post per rad)"),
        ["reader.missing-field"] = ("missing required field '{0}'", "obligatoriskt fält '{0}' saknas"),
        ["reader.events-not-array"] = ("'events' must be an array, found {0}", "'events' måste vara en array, hittade {0}"),
        ["reader.event-at"] = ("events[{0}]: {1}", "events[{0}]: {1}"),
        ["reader.event-not-object"] = ("an event must be a JSON object, found {0}", "en händelse måste vara ett JSON-objekt, hittade {0}"),
        ["reader.not-event-field"] = ("'{0}' is not a field of an event", "'{0}' är inget fält i en händelse"),
        ["reader.study-days-whole"] = ("'studyDaysPerWeek' must be a whole number 0–5, was '{0}'", "'studyDaysPerWeek' måste vara ett heltal 0–5, var '{0}'"),
        ["reader.study-days-number"] = ("'studyDaysPerWeek' must be a number 0–5, found {0}", "'studyDaysPerWeek' måste vara ett tal 0–5, hittade {0}"),
        ["reader.reason-not-string"] = ("'reason' must be a string, found {0}", "'reason' måste vara en sträng, hittade {0}"),
        ["reader.field-not-allowed"] = ("field '{0}' is not allowed on a '{1}' event", "fältet '{0}' är inte tillåtet i en '{1}'-händelse"),
        ["reader.reason-not-listed"] = ("'reason' is not one of {0}: '{1}'", "'reason' är inte någon av {0}: '{1}'"),
        ["reader.long-value"] = ("(a long or escaped value)", "(ett långt eller kodat värde)"),
        ["reader.needs-eligible"] = ("an 'assessed' event needs 'eligible' (true or false)", "en 'assessed'-händelse behöver 'eligible' (true eller false)"),
        ["reader.needs-phase"] = ("a 'phase-started' event needs 'phase'", "en 'phase-started'-händelse behöver 'phase'"),
        ["reader.needs-kind"] = ("an 'activity' event needs 'kind'", "en 'activity'-händelse behöver 'kind'"),
        ["reader.result-only-interview"] = ("'result' is only for activities of kind 'job-interview'", "'result' är bara för aktiviteter av typen 'job-interview'"),
        ["reader.needs-reason"] = ("an 'exited' event needs 'reason'", "en 'exited'-händelse behöver 'reason'"),
        ["reader.form-only-work"] = ("'employmentForm' goes only with outcome 'work'", "'employmentForm' hör bara till utfallet 'work'"),
        ["reader.subsidy-only-subsidised"] = ("'subsidy' goes only with employmentForm 'subsidised'", "'subsidy' hör bara till employmentForm 'subsidised'"),
        ["reader.needs-outcome"] = ("a 'followed-up' event needs 'outcome'", "en 'followed-up'-händelse behöver 'outcome'"),
        ["reader.not-bool"] = ("'{0}' must be true or false, found {1}", "'{0}' måste vara true eller false, hittade {1}"),
        ["reader.required-null"] = ("'{0}' is required and cannot be null", "'{0}' är obligatoriskt och kan inte vara null"),
        ["reader.not-string"] = ("'{0}' must be a string, found {1}", "'{0}' måste vara en sträng, hittade {1}"),
        ["reader.field-not-utf8"] = ("'{0}' is not valid UTF-8", "'{0}' är inte giltig UTF-8"),
        ["reader.date-not-string"] = ("'{0}' must be a date string (YYYY-MM-DD), found {1}", "'{0}' måste vara ett datum som sträng (ÅÅÅÅ-MM-DD), hittade {1}"),
        ["reader.not-date"] = ("'{0}' is not a date (YYYY-MM-DD): '{1}'", "'{0}' är inget datum (ÅÅÅÅ-MM-DD): '{1}'"),
        ["reader.not-listed"] = ("'{0}' is not one of {1}: '{2}'", "'{0}' är inte någon av {1}: '{2}'"),
        ["reader.value-not-utf8"] = ("(not valid UTF-8)", "(inte giltig UTF-8)"),
        ["reader.too-long"] = ("the line is longer than {0} bytes", "raden är längre än {0} byte"),
        ["json.object"] = ("an object", "ett objekt"),
        ["json.array"] = ("an array", "en array"),
        ["json.string"] = ("a string", "en sträng"),
        ["json.number"] = ("a number", "ett tal"),
        ["json.boolean"] = ("a boolean", "ett sanningsvärde"),

        // The command line (docs/interchange-contract.md §4, §9)
        ["cli.validate"] = ("Validate participant histories against their programs' lifecycle rules.", "Validera deltagarhistoriker mot programmens livscykelregler."),
        ["cli.validate.file"] = ("The NDJSON file of participant histories: any readable path (a file, /dev/stdin, a named pipe), or - for standard input.", "NDJSON-filen med deltagarhistoriker: vilken läsbar sökväg som helst (en fil, /dev/stdin, en namngiven pipe) eller - för standard in."),
        ["cli.validate.format"] = ("text (for people) or json (docs/interchange-contract.md §4).", "text (för människor) eller json (docs/interchange-contract.md §4)."),
        ["cli.as-of"] = ("The as-of date, YYYY-MM-DD; default today in this machine's time zone.", "Avstämningsdagen, ÅÅÅÅ-MM-DD; standard är i dag i maskinens tidszon."),
        ["cli.definition"] = ("A program definition file (JSON) that adds a program, or replaces the built-in program of the same id (repeatable).", "En programdefinitionsfil (JSON) som lägger till ett program eller ersätter det inbyggda programmet med samma id (kan upprepas)."),
        ["cli.no-records"] = ("{0} holds no records", "{0} innehåller inga poster"),
        ["cli.stdin"] = ("standard input", "standard in"),
        ["cli.bad-as-of"] = ("--as-of must be a date YYYY-MM-DD, was '{0}'", "--as-of måste vara ett datum ÅÅÅÅ-MM-DD, var '{0}'"),
        ["cli.unknown-option"] = ("unknown option '{0}'; the options are listed by --help", "okänt alternativ '{0}'; alternativen listas av --help"),
        ["cli.directory"] = ("'{0}' is a directory, not a file", "'{0}' är en katalog, inte en fil"),
        ["cli.no-such-file"] = ("cannot read '{0}': no such file", "kan inte läsa '{0}': filen finns inte"),
        ["cli.cannot-read"] = ("cannot read '{0}': {1}", "kan inte läsa '{0}': {1}"),
        ["cli.json-array"] = ("{0} is a JSON array, not NDJSON (one JSON object per line); write one object per line, for example with jq -c '.[]'", "{0} är en JSON-array, inte NDJSON (ett JSON-objekt per rad); skriv ett objekt per rad, till exempel med jq -c '.[]'"),
        ["cli.see-help"] = ("see 'inclusion --help'", "se 'inclusion --help'"),
        ["cli.progress"] = ("pass {0} of 2, {1} MB and {2} lines read", "genomläsning {0} av 2, {1} MB och {2} rader lästa"),
        ["cli.cancelled"] = ("cancelled", "avbruten"),
        ["cli.language"] = ("The language people read: sv (Swedish) or en (English); default from LC_ALL, LANG or the UI culture.", "Språket som människor läser: sv (svenska) eller en (engelska); standard från LC_ALL, LANG eller UI-kulturen."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether the current UI culture asks for Swedish.</summary>
    internal static bool Swedish => CultureInfo.CurrentUICulture.Name is var name && (name == "sv" || name.StartsWith("sv-", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every key with both languages, for the test that checks the table.</summary>
    internal static IEnumerable<(string Key, string En, string Sv)> All => Table.Select(e => (e.Key, e.Value.En, e.Value.Sv));

    /// <summary>The text of <paramref name="key"/> in the current language.</summary>
    internal static string Get(string key) => Swedish ? Table[key].Sv : Table[key].En;

    /// <summary>The text of <paramref name="key"/> in the current language with its placeholders filled (numbers as the language writes them).</summary>
    internal static string Format(string key, params object?[] args)
    {
        bool swedish = Swedish;
        var entry = Table[key];
        return string.Format(CultureInfo.InvariantCulture, swedish ? entry.Sv : entry.En, [.. args.Select(a => a is long or int ? Number(Convert.ToInt64(a, CultureInfo.InvariantCulture), swedish) : a)]);
    }

    /// <summary>A whole number as the current language writes it: <c>50000000</c> in English output, <c>50 000 000</c> in Swedish (a no-break space between groups of three).</summary>
    internal static string Number(long value) => Number(value, Swedish);

    private static string Number(long value, bool swedish)
        => swedish && Math.Abs(value) >= 10_000
            ? value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "\u00A0", StringComparison.Ordinal)
            : value.ToString(CultureInfo.InvariantCulture);
}
