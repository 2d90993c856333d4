using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Privacy;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>
/// Reads <c>inclusion eligibility</c>'s NDJSON lines (docs/interchange-contract.md §5) strictly: an unknown field or fact, a
/// wrong type, a month such as <c>2019-13</c>, a month given twice, or a fact the library never accepts
/// (<c>ethnicity</c>, <c>nationality</c> …) makes the line malformed with a reason; the reason never
/// quotes a personal identity number or a self-declaration.
/// </summary>
public static class EligibilityReader
{
    private static readonly string[] Fields = ["person", "program", "on", "facts"];

    // Special-category or identifying data that no input may carry (docs/domain.md, Privacy).
    private static readonly string[] RefusedFacts =
    [
        "ethnicity", "ethnicorigin", "ethnicgroup", "nationality", "citizenship", "countryofbirth", "birthcountry", "race",
        "religion", "minority", "roma", "personnummer", "personalidentitynumber", "samordningsnummer", "coordinationnumber",
    ];

    /// <summary>Reads one line.</summary>
    /// <param name="utf8Line">The line's bytes.</param>
    /// <param name="lineNumber">Its 1-based number.</param>
    /// <returns>The request, or the reason the line is malformed.</returns>
    public static EligibilityParseResult Read(ReadOnlySpan<byte> utf8Line, long lineNumber)
    {
        string? reason;
        EligibilityRequest? request = null;
        try
        {
            using var document = JsonDocument.Parse(utf8Line.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            reason = TryRead(document.RootElement, out request);
        }
        catch (JsonException e)
        {
            reason = Texts.Format("reader.not-json", (e.BytePositionInLine ?? 0) + 1);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            reason = "not valid UTF-8 text";
        }

        if (reason is null && request is not null)
        {
            var validation = EligibilityRequestValidator.Instance.Validate(request);
            if (!validation.IsValid)
            {
                reason = string.Join("; ", validation.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
                request = null;
            }
        }

        return new EligibilityParseResult(lineNumber, reason is null ? request : null, reason);
    }

    /// <summary>Reads one line of text.</summary>
    /// <param name="line">The line.</param>
    /// <param name="lineNumber">Its 1-based number.</param>
    /// <returns>The request, or the reason the line is malformed.</returns>
    public static EligibilityParseResult Read(string line, long lineNumber) => Read(System.Text.Encoding.UTF8.GetBytes(Preconditions.CheckNotNull(line)), lineNumber);

    private static string? TryRead(JsonElement root, out EligibilityRequest? request)
    {
        request = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Texts.Format("reader.not-object", Kind(root));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return Texts.Format("reader.repeated-field", Quote(property.Name));
            }

            if (!Fields.Contains(property.Name))
            {
                return Texts.Format("er.not-field", Quote(property.Name));
            }
        }

        foreach (string required in Fields)
        {
            if (!seen.Contains(required))
            {
                return Texts.Format("reader.missing-field", required);
            }
        }

        var person = root.GetProperty("person");
        if (person.ValueKind != JsonValueKind.String)
        {
            return Texts.Format("reader.not-string", "person", Kind(person));
        }

        string id = person.GetString()!;
        if (PersonalIdentityNumbers.ContainsOne(id))
        {
            return Texts.Get("er.person-pii");
        }

        if (id.Length is 0 or > ParticipantHistory.MaxParticipantLength)
        {
            return Texts.Format("er.person-length", ParticipantHistory.MaxParticipantLength, id.Length);
        }

        var program = root.GetProperty("program");
        if (program.ValueKind != JsonValueKind.String || program.GetString() is not { Length: > 0 } programId)
        {
            return Texts.Format("er.program", Kind(program));
        }

        if (Date(root.GetProperty("on"), "on", out var on) is { } onError)
        {
            return onError;
        }

        var factsElement = root.GetProperty("facts");
        if (factsElement.ValueKind != JsonValueKind.Object)
        {
            return Texts.Format("er.facts-object", Kind(factsElement));
        }

        if (ReadFacts(factsElement, out var facts) is { } factsError)
        {
            return factsError; // said with where it is: uppgifterna (facts): …, or a fact's own path
        }

        request = new EligibilityRequest(id, programId, on, facts!);
        return null;
    }

    private static string? ReadFacts(JsonElement element, out EligibilityFacts? facts)
    {
        facts = null;
        var f = EligibilityFacts.None;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string name = property.Name;
            var value = property.Value;
            if (!seen.Add(name))
            {
                return Texts.Format("er.facts", Texts.Format("er.repeated", Quote(name)));
            }

            if (RefusedFacts.Contains(name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()))
            {
                return Texts.Format("er.facts", Texts.Format("er.refused", Quote(name)));
            }

            if (!EligibilityFactNames.TryParse(name, out var fact))
            {
                string? close = EligibilityFactNames.All.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                return Texts.Format("er.facts", Texts.Format("er.not-fact", Quote(name), close is null ? "" : Texts.Format("er.did-you-mean", close), string.Join(", ", EligibilityFactNames.All)));
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                continue; // null is unknown, as if the fact were left out
            }

            string? error = null;
            switch (fact)
            {
                case EligibilityFact.BirthDate:
                    error = FactDate(value, name, out var birth);
                    f = f with { BirthDate = birth };
                    break;
                case EligibilityFact.ResidencePermitDate:
                    error = FactDate(value, name, out var permit);
                    f = f with { ResidencePermitDate = permit };
                    break;
                case EligibilityFact.UnemployedSince:
                    error = FactDate(value, name, out var unemployed);
                    f = f with { UnemployedSince = unemployed };
                    break;
                case EligibilityFact.Municipality:
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        error = Texts.Format("reader.not-string", name, Kind(value));
                    }
                    else
                    {
                        f = f with { Municipality = value.GetString()!.Trim() };
                    }

                    break;
                case EligibilityFact.SocialAssistanceMonths:
                    error = Months(value, out var months);
                    f = f with { SocialAssistanceMonths = months };
                    break;
                case EligibilityFact.EstablishmentProgram:
                    if (value.ValueKind != JsonValueKind.String || !ContractNames<EstablishmentProgramStatus>.TryParse(value.GetString(), out var status))
                    {
                        error = Texts.Format("er.one-of", name, string.Join(", ", ContractNames<EstablishmentProgramStatus>.All), Shown(value));
                    }
                    else
                    {
                        f = f with { EstablishmentProgram = status };
                    }

                    break;
                case EligibilityFact.SelfDeclaredTargetGroup:
                    error = Declaration(value, out var declaration);
                    f = f with { SelfDeclaredTargetGroup = declaration };
                    break;
                default:
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        error = Texts.Format("reader.not-bool", name, Kind(value));
                        break;
                    }

                    bool b = value.GetBoolean();
                    f = fact switch
                    {
                        EligibilityFact.RegisteredJobSeeker => f with { RegisteredJobSeeker = b },
                        EligibilityFact.JobAndDevelopmentGuarantee => f with { JobAndDevelopmentGuarantee = b },
                        EligibilityFact.FarFromLabourMarket => f with { FarFromLabourMarket = b },
                        _ => f with { CompletedOrientationCourse = b },
                    };
                    break;
            }

            if (error is not null)
            {
                // a date or a month that is none is said by the fact's name and path; every other reason under "facts"
                return fact is EligibilityFact.SocialAssistanceMonths or EligibilityFact.BirthDate or EligibilityFact.ResidencePermitDate or EligibilityFact.UnemployedSince
                    && error.StartsWith(Located, StringComparison.Ordinal) ? error[Located.Length..] : Texts.Format("er.facts", error);
            }
        }

        facts = f;
        return null;
    }

    private static string? Declaration(JsonElement value, out SelfDeclaration? declaration)
    {
        // Never quote what the declaration says: only its shape is described.
        declaration = null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Texts.Format("er.declaration-object");
        }

        bool? declared = null;
        LocalDate? on = null;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name == "declared" && declared is null && property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                declared = property.Value.GetBoolean();
            }
            else if (property.Name == "on" && on is null && property.Value.ValueKind == JsonValueKind.String && IsoDates.TryParse(property.Value.GetString()!, out var date))
            {
                on = date;
            }
            else
            {
                return Texts.Format("er.declaration-only");
            }
        }

        if (declared is null || on is null)
        {
            return Texts.Get("er.declaration-both");
        }

        declaration = new SelfDeclaration(declared.Value, on.Value);
        return null;
    }

    private static string? Months(JsonElement value, out ImmutableArray<YearMonth>? months)
    {
        months = null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Texts.Format("er.months-array", Kind(value));
        }

        var list = ImmutableArray.CreateBuilder<YearMonth>();
        int index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !TryParseMonth(item.GetString()!, out var month))
            {
                return Located + Texts.Format("er.fact-not-month", index.ToString(CultureInfo.InvariantCulture), Shown(item), DisplayNames.Name(DisplayNames.Fact, "socialAssistanceMonths")); // a JSON index, never grouped
            }

            if (list.Contains(month))
            {
                return Texts.Format("er.month-repeated", index.ToString(CultureInfo.InvariantCulture), item.GetString());
            }

            list.Add(month);
            index++;
        }

        months = list.ToImmutable();
        return null;
    }

    /// <summary>Parses exactly <c>YYYY-MM</c> with a month 01–12.</summary>
    internal static bool TryParseMonth(string text, out YearMonth month)
    {
        month = default;
        if (text.Length != 7 || text[4] != '-' || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m) || m is < 1 or > 12 || year < 1)
        {
            return false;
        }

        month = new YearMonth(year, m);
        return true;
    }

    /// <summary>Marks a reason that says where it is itself (a fact's name and path), so that it is not put under "facts" again.</summary>
    private const string Located = "\u0001";

    /// <summary>A fact's date: a string that is no date is said by the fact's name and path (<c>födelsedatum (facts.birthDate): '1990-02-30' är inget giltigt datum</c>).</summary>
    private static string? FactDate(JsonElement value, string name, out LocalDate date)
    {
        string? error = Date(value, name, out date);
        return error is null || value.ValueKind != JsonValueKind.String ? error
            : Located + Texts.Format("er.fact-not-date", name, Shown(value), DisplayNames.Name(DisplayNames.Fact, name));
    }

    private static string? Date(JsonElement value, string name, out LocalDate date)
    {
        date = default;
        if (value.ValueKind != JsonValueKind.String)
        {
            return Texts.Format("reader.date-not-string", name, Kind(value));
        }

        return IsoDates.TryParse(value.GetString()!, out date) ? null : Texts.Format("er.not-date", name, Shown(value));
    }

    private static string Shown(JsonElement value)
        => value.ValueKind == JsonValueKind.String ? $"'{Quote(value.GetString()!)}'" : Kind(value);

    private static string Quote(string text) => PersonalIdentityNumbers.SafeToQuote(text);

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => Texts.Get("json.object"),
        JsonValueKind.Array => Texts.Get("json.array"),
        JsonValueKind.String => Texts.Get("json.string"),
        JsonValueKind.Number => Texts.Get("json.number"),
        JsonValueKind.True or JsonValueKind.False => Texts.Get("json.boolean"),
        _ => "null",
    };
}
