using System.Globalization;

namespace InclusionModel.Workbooks;

/// <summary>
/// The workbook's own sentences (sheet names and headings the core library's report tables do not have), in
/// English and Swedish, chosen as the core library chooses: a <see cref="CultureInfo.CurrentUICulture"/> named
/// <c>sv</c> or <c>sv-…</c> gives Swedish, any other English. Words follow the glossary of docs/domain.md.
/// </summary>
internal static class WorkbookTexts
{
    private static readonly Dictionary<string, (string En, string Sv)> Table = new(StringComparer.Ordinal)
    {
        ["column.name"] = ("Name in JSON and CSV", "Namn i JSON och CSV"),
        ["compare.title"] = ("Rule change: {0} ({1}), as of {2}", "Regeländring: {0} ({1}), avstämningsdag {2}"),
        ["compare.title.people"] = ("Rule change: {0} ({1}), eligibility", "Regeländring: {0} ({1}), målgruppsbedömning"),
        ["sheet.summary"] = ("Summary", "Sammanfattning"),
        ["sheet.changes"] = ("Changes", "Ändringar"),
        ["sheet.figures"] = ("Figures", "Siffror"),
        ["column.figure"] = ("Figure", "Siffra"),
        ["column.value"] = ("Count", "Antal"),
        ["summary.read"] = ("Lines read", "Lästa rader"),
        ["summary.of-program"] = ("Lines of the program", "Rader för programmet"),
        ["summary.changed"] = ("Verdicts changed", "Bedömningar som ändras"),
        ["summary.now-valid"] = ("Now valid", "Blir giltiga"),
        ["summary.now-invalid"] = ("Now invalid", "Blir ogiltiga"),
        ["summary.decisions-changed"] = ("Decisions changed", "Bedömningar som ändras"),
        ["summary.figures-as-of"] = ("Figures counted from the program's start to", "Siffrorna räknade från programmets start till och med"),
        ["definition.field"] = ("Changed in the definition", "Ändrat i definitionen"),
        ["definition.not-stated"] = ("not stated", "anges inte"),
        ["column.baseline"] = ("Baseline", "Nuvarande definition"),
        ["column.candidate"] = ("Candidate", "Ny definition"),
        ["column.line"] = ("Line", "Rad"),
        ["column.participant"] = ("Participant", "Deltagare"),
        ["column.person"] = ("Person", "Person"),
        ["column.baseline-verdict"] = ("Baseline: verdict", "Nuvarande definition: bedömning"),
        ["column.baseline-rules"] = ("Baseline: rules broken", "Nuvarande definition: regler som bryts"),
        ["column.candidate-verdict"] = ("Candidate: verdict", "Ny definition: bedömning"),
        ["column.candidate-rules"] = ("Candidate: rules broken", "Ny definition: regler som bryts"),
        ["column.baseline-decision"] = ("Baseline: decision", "Nuvarande definition: bedömning"),
        ["column.baseline-decision-rules"] = ("Baseline: rules that moved", "Nuvarande definition: regler som ändras"),
        ["column.candidate-decision"] = ("Candidate: decision", "Ny definition: bedömning"),
        ["column.candidate-decision-rules"] = ("Candidate: rules that moved", "Ny definition: regler som ändras"),
        ["verdict.valid"] = ("valid", "giltig"),
        ["verdict.invalid"] = ("invalid", "ogiltig"),
        ["withheld"] = ("(id withheld)", "(id undanhållet)"),
        ["too-many"] = ("{0} more rows are not shown: a sheet holds at most {1} rows (the JSON has them all)", "{0} rader till visas inte: ett blad rymmer högst {1} rader (JSON-formatet har alla)"),
        ["too-many-one"] = ("1 more row is not shown: a sheet holds at most {1} rows (the JSON has them all)", "1 rad till visas inte: ett blad rymmer högst {1} rader (JSON-formatet har alla)"),
    };

    /// <summary>Whether the current UI culture asks for Swedish.</summary>
    internal static bool Swedish => CultureInfo.CurrentUICulture.Name is var name && (name == "sv" || name.StartsWith("sv-", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every key with both languages, for the test that checks the table.</summary>
    internal static IEnumerable<(string Key, string En, string Sv)> All => Table.Select(e => (e.Key, e.Value.En, e.Value.Sv));

    /// <summary>The text of <paramref name="key"/> in the current language.</summary>
    internal static string Get(string key) => Swedish ? Table[key].Sv : Table[key].En;

    /// <summary>The text of <paramref name="key"/> in the current language with its placeholders filled, whole numbers as the language writes them.</summary>
    internal static string Format(string key, params object?[] args)
        => string.Format(CultureInfo.InvariantCulture, Get(key), [.. args.Select(a => a is long or int ? Number(Convert.ToInt64(a, CultureInfo.InvariantCulture)) : a)]);

    /// <summary>A whole number as the current language writes it (as the core library's texts do): from 10 000 on grouped in threes, with a no-break space in Swedish and a comma in English.</summary>
    internal static string Number(long value)
        => Math.Abs(value) < 10_000 ? value.ToString(CultureInfo.InvariantCulture)
            : Swedish ? value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "\u00A0", StringComparison.Ordinal)
            : value.ToString("#,0", CultureInfo.InvariantCulture);
}
