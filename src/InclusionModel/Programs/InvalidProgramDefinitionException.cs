using System.Collections.Immutable;
using FluentValidation.Results;

namespace InclusionModel.Programs;

/// <summary>Thrown when a program definition that breaks a rule is created or loaded by a caller that asked for an exception.</summary>
public sealed class InvalidProgramDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="programId">The id of the definition, as given.</param>
    /// <param name="problems">Every problem found.</param>
    public InvalidProgramDefinitionException(string programId, ImmutableArray<ProgramDefinitionProblem> problems)
        : base($"Program definition '{Privacy.PersonalIdentityNumbers.SafeToQuote(programId ?? "")}' is invalid: {string.Join("; ", problems)}")
    {
        ProgramId = programId ?? "";
        Problems = problems;
    }

    /// <summary>The id of the definition, as given.</summary>
    public string ProgramId { get; }

    /// <summary>Every problem found, each with its JSON path.</summary>
    public ImmutableArray<ProgramDefinitionProblem> Problems { get; }
}

/// <summary>Turns FluentValidation property paths (<c>Phases[1].MinimumMonths</c>) into JSON paths (<c>$.phases[1].minimumMonths</c>).</summary>
internal static class JsonPaths
{
    internal static string FromPropertyPath(string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return "$";
        }

        if (propertyPath.StartsWith('$'))
        {
            return propertyPath;
        }

        var parts = propertyPath.Split('.');
        return "$." + string.Join('.', parts.Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="ancestor"/> or lies under it.</summary>
    internal static bool IsAtOrUnder(string path, string ancestor)
        => path.StartsWith(ancestor, StringComparison.Ordinal)
           && (path.Length == ancestor.Length || path[ancestor.Length] is '.' or '[');

    /// <summary>The path one level up (<c>$.a[1].b</c> → <c>$.a[1]</c> → <c>$.a</c> → <c>$</c>), or <c>null</c> above the root.</summary>
    internal static string? Parent(string path)
    {
        if (path == "$")
        {
            return null;
        }

        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "$" : path[..cut];
    }

    /// <summary>Finds the value at a path such as <c>$.period.implementation.end</c> or <c>$.goals[0].target</c>.</summary>
    /// <param name="root">The document.</param>
    /// <param name="path">The path.</param>
    /// <param name="value">The value found (<c>null</c> for a JSON null).</param>
    /// <returns>Whether the path names a member or item of the document.</returns>
    internal static bool TryResolve(System.Text.Json.Nodes.JsonNode root, string path, out System.Text.Json.Nodes.JsonNode? value)
    {
        value = root;
        if (!path.StartsWith('$'))
        {
            return false;
        }

        int i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                int end = path.IndexOfAny(['.', '['], i + 1);
                string name = end < 0 ? path[(i + 1)..] : path[(i + 1)..end];
                if (value is not System.Text.Json.Nodes.JsonObject obj || name.Length == 0 || !obj.TryGetPropertyValue(name, out value))
                {
                    return false;
                }

                i = end < 0 ? path.Length : end;
            }
            else if (path[i] == '[')
            {
                int end = path.IndexOf(']', i);
                if (end < 0 || value is not System.Text.Json.Nodes.JsonArray array
                    || !int.TryParse(path.AsSpan(i + 1, end - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
                    || index >= array.Count)
                {
                    return false;
                }

                value = array[index];
                i = end + 1;
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
