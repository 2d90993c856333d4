using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using InclusionModel.Tests.Cli;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Workbooks;

/// <summary>
/// The workbook as another program opens it (issue 24): LibreOffice converts each sheet to CSV headless, and every
/// number it reads is the figure of the same report's JSON, every <c>..</c> where the JSON has <c>".."</c>.
/// </summary>
public sealed class LibreOfficeRoundTripTest
{
    private static readonly string AllIn = EmbeddingSampleTest.RepositoryFile("samples/all-in.ndjson");

    [Theory]
    [Needs(MachineNeed.LibreOffice)]
    [InlineData("--half-year", "2018-H2", false)]
    [InlineData("--month", "2018-07", true)]
    public void Report_OpensInLibreOffice_WithTheFiguresOfTheJson(string periodOption, string period, bool publication)
    {
        string[] args = ["report", AllIn, "--program", "hallefors-all-in", periodOption, period, .. publication ? new[] { "--publication" } : []];
        var json = CliRun.Run([.. args, "--format", "json"]).Json;
        var (code, workbook, error) = CliRun.RunBinary([.. args, "--format", "xlsx", "--language", "sv"]);
        Assert.True(code == 0, error);

        var sheets = ConvertedByLibreOffice(workbook);

        Assert.Equal(["Mål", "Siffror"], sheets.Keys.Order(StringComparer.Ordinal));
        int compared = 0;
        foreach (var row in sheets["Siffror"].Where(r => r.Length >= 3 && r[2].Contains('.', StringComparison.Ordinal) || r.Length >= 3 && r[2] == "entered"))
        {
            var expected = Figure(json, row[2]);
            if (expected.ValueKind == JsonValueKind.String)
            {
                Assert.Equal((row[2], ".."), (row[2], row[1]));
            }
            else
            {
                Assert.Equal((row[2], expected.GetDecimal()), (row[2], decimal.Parse(row[1], CultureInfo.InvariantCulture)));
            }

            compared++;
        }

        // Every figure the JSON has (goals aside) is a row of the sheet: the records block, the participants, the exits …
        Assert.Equal(Leaves(json).Count(l => !l.StartsWith("goals", StringComparison.Ordinal)), compared);

        var goals = json.GetProperty("goals").EnumerateArray().ToDictionary(g => "goals." + g.GetProperty("id").GetString());
        var goalRows = sheets["Mål"].Where(r => r.Length >= 9 && r[8].StartsWith("goals.", StringComparison.Ordinal)).ToList();
        Assert.Equal(goals.Keys.Order(StringComparer.Ordinal), goalRows.Select(r => r[8]).Order(StringComparer.Ordinal));
        foreach (var row in goalRows)
        {
            var goal = goals[row[8]];
            Assert.Equal(goal.GetProperty("target").GetDecimal(), Number(row[1]));
            AssertSame(goal.GetProperty("actual"), row[2]);
            if (goal.TryGetProperty("projection", out var projection) && projection.ValueKind == JsonValueKind.Object)
            {
                // A count's projection is shown whole, as the text report shows it (361.7 as 362); the cell holds 361.7
                bool count = row[2].EndsWith('%') is false;
                AssertSame(projection.GetProperty("expected"), row[4], count);
                AssertSame(projection.GetProperty("low"), row[5], count);
                AssertSame(projection.GetProperty("high"), row[6], count);
                Assert.Equal(projection.GetProperty("by").GetString(), row[7]); // a date cell, shown yyyy-mm-dd
            }
        }
    }

    private static void AssertSame(JsonElement expected, string shown, bool whole = false)
    {
        if (expected.ValueKind == JsonValueKind.String)
        {
            Assert.Equal(expected.GetString(), shown);
        }
        else
        {
            Assert.Equal(whole ? Math.Round(expected.GetDecimal(), MidpointRounding.AwayFromZero) : expected.GetDecimal(), Number(shown));
        }
    }

    /// <summary>A number as LibreOffice shows it: a per cent (<c>23.19%</c>) as the fraction it is.</summary>
    private static decimal Number(string shown)
        => shown.EndsWith('%') ? decimal.Parse(shown[..^1], CultureInfo.InvariantCulture) / 100 : decimal.Parse(shown, CultureInfo.InvariantCulture);

    private static JsonElement Figure(JsonElement json, string figure)
    {
        foreach (string part in figure.Split('.'))
        {
            json = json.GetProperty(part);
        }

        return json;
    }

    /// <summary>The dotted names of every number or mark of the document's figures (not its program, dates or explanations).</summary>
    private static IEnumerable<string> Leaves(JsonElement json, string prefix = "")
    {
        foreach (var property in json.EnumerateObject())
        {
            string name = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (string leaf in Leaves(property.Value, name + "."))
                {
                    yield return leaf;
                }
            }
            else if (prefix.Length > 0 || property.Name == "entered")
            {
                yield return name;
            }
        }
    }

    /// <summary>
    /// Converts every sheet of the workbook to CSV with <c>soffice --headless</c> (a profile of its own, in an
    /// owner-only folder removed however the test ends), and reads each back: the sheet's name and its rows.
    /// </summary>
    private static Dictionary<string, List<string[]>> ConvertedByLibreOffice(byte[] workbook)
    {
        var folder = Directory.CreateTempSubdirectory("inclusion-xlsx-"); // mode 700 on Unix
        try
        {
            string file = Path.Combine(folder.FullName, "report.xlsx");
            File.WriteAllBytes(file, workbook);
            var start = new ProcessStartInfo(Machine.Soffice!)
            {
                ArgumentList =
                {
                    $"-env:UserInstallation=file://{folder.FullName}/profile", "--headless", "--norestore",
                    // CSV: comma, double quotes, UTF-8, from line 1, cells as shown, every sheet (-1) to a file of its own.
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                    "--outdir", folder.FullName, file,
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["LC_ALL"] = "C.UTF-8"; // numbers shown with a point, whatever this machine's locale
            start.Environment["HOME"] = folder.FullName;
            using var soffice = Process.Start(start)!;
            var output = soffice.StandardOutput.ReadToEndAsync();
            var error = soffice.StandardError.ReadToEndAsync();
            if (!soffice.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                soffice.Kill(entireProcessTree: true);
                Assert.Fail("soffice did not convert the workbook within 3 minutes");
            }

            Assert.True(soffice.ExitCode == 0, $"soffice: {output.Result} {error.Result}");
            return Directory.GetFiles(folder.FullName, "report-*.csv").ToDictionary(
                f => Path.GetFileNameWithoutExtension(f)["report-".Length..],
                f => File.ReadAllLines(f).Select(Csv).ToList());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One CSV line's fields (RFC 4180 quotes; the sheets' texts hold no line breaks).</summary>
    private static string[] Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
