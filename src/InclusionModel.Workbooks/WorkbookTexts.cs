using System.Globalization;

namespace InclusionModel.Workbooks;

/// <summary>
/// The workbook's own sentences (sheet names and headings the core library's report tables do not have), in
/// English and Swedish, chosen as the core library chooses: a <see cref="CultureInfo.CurrentUICulture"/> named
/// <c>sv</c> or <c>sv-…</c> gives Swedish, any other English (the shared <see cref="TextTable"/>, src/Shared/TextTable.cs).
/// Words follow the glossary of docs/domain.md.
/// </summary>
internal static class WorkbookTexts
{
    private static readonly TextTable Table = new(new Dictionary<string, (string En, string Sv)>(StringComparer.Ordinal)
    {
        ["column.name"] = ("Name in JSON and CSV", "Namn i JSON och CSV"),
        ["compare.title"] = ("Rule change: {0} ({1}), as of {2}", "Regeländring: {0} ({1}), avstämningsdag {2}"),
        ["compare.title.people"] = ("Rule change: {0} ({1}), eligibility", "Regeländring: {0} ({1}), målgruppsbedömning"),
        ["sheet.summary"] = ("Summary", "Sammanfattning"),
        ["sheet.changes"] = ("Changes", "Ändringar"),
        ["sheet.figures"] = ("Figures", "Siffror"),
        ["column.figure"] = ("Figure", "Mått"),
        ["column.value"] = ("Count", "Antal"),
        ["summary.read"] = ("Lines read", "Lästa rader"),
        ["summary.of-program"] = ("Lines of the program", "Rader för projektet"),
        ["summary.changed"] = ("Verdicts changed", "Valideringsresultat som ändras"),
        ["summary.now-valid"] = ("Now valid", "Blir giltiga"),
        ["summary.now-invalid"] = ("Now invalid", "Blir ogiltiga"),
        ["summary.decisions-changed"] = ("Decisions changed", "Bedömningar som ändras"),
        ["summary.figures-as-of"] = ("Figures counted from the program's start to", "Siffrorna räknade från projektets start till och med"),
        ["definition.field"] = ("Changed in the definition", "Ändrat i definitionen"),
        ["definition.not-stated"] = ("not stated", "uppgift saknas"),
        ["column.baseline"] = ("Baseline", "Nuvarande definition"),
        ["column.candidate"] = ("Candidate", "Ny definition"),
        ["column.line"] = ("Line", "Rad"),
        ["column.participant"] = ("Participant", "Deltagare"),
        ["column.person"] = ("Person", "Person"),
        ["column.baseline-verdict"] = ("Baseline: verdict", "Nuvarande definition: valideringsresultat"),
        ["column.baseline-rules"] = ("Baseline: rules broken", "Nuvarande definition: regler som bryts"),
        ["column.candidate-verdict"] = ("Candidate: verdict", "Ny definition: valideringsresultat"),
        ["column.candidate-rules"] = ("Candidate: rules broken", "Ny definition: regler som bryts"),
        ["column.baseline-decision"] = ("Baseline: decision", "Nuvarande definition: bedömning"),
        ["column.baseline-decision-rules"] = ("Baseline: rules that moved", "Nuvarande definition: regler som bedöms annorlunda"),
        ["column.candidate-decision"] = ("Candidate: decision", "Ny definition: bedömning"),
        ["column.candidate-decision-rules"] = ("Candidate: rules that moved", "Ny definition: regler som bedöms annorlunda"),
        ["verdict.valid"] = ("valid", "giltig"),
        ["verdict.invalid"] = ("invalid", "ogiltig"),
        ["withheld"] = ("(id withheld)", "(id visas inte)"),
        ["too-many"] = ("{0} more rows are not shown: a sheet holds at most {1} rows (the JSON has them all)", "Ytterligare {0} rader visas inte: ett blad rymmer högst {1} rader (JSON-formatet har alla)"),
        ["too-many-one"] = ("1 more row is not shown: a sheet holds at most {1} rows (the JSON has them all)", "Ytterligare 1 rad visas inte: ett blad rymmer högst {1} rader (JSON-formatet har alla)"),
    });

    /// <summary>Every key with both languages, for the test that checks the table.</summary>
    internal static IEnumerable<(string Key, string En, string Sv)> All => Table.All;

    /// <summary>The text of <paramref name="key"/> in the current language.</summary>
    internal static string Get(string key) => Table.Get(key);

    /// <summary>The text of <paramref name="key"/> in the current language with its placeholders filled, whole numbers as the language writes them.</summary>
    internal static string Format(string key, params object?[] args) => Table.Format(key, args);
}
